/**
 * Read access to a plan's data for the rules: missing sections read as empty, rows are parsed against
 * their block declaration once per evaluation.
 */
import { BLOCKS, parseRows, type BlockKey, type BlockRow } from '../templates/blocks/index.ts';
import { sectionDigest } from './digest.ts';
import type { ManualConfirmation, PlanContext, PlanData, SectionData } from './types.ts';

const EMPTY: SectionData = { body: '', items: {}, data: {} };

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function filled(text: string | null | undefined): boolean {
	return typeof text === 'string' && text.trim() !== '';
}

export class PlanView {
	readonly context: PlanContext;
	readonly #plan: PlanData;
	readonly #rows = new Map<string, readonly Readonly<Record<string, unknown>>[]>();
	readonly #digests = new Map<string, string>();

	constructor(plan: PlanData) {
		this.#plan = plan;
		this.context = plan.context;
	}

	/**
	 * The section's data, with every part that is not the shape `SectionData` promises replaced by an
	 * empty one: the caller builds it from documents that any editor's client has written to.
	 */
	section(clause: string): SectionData {
		const section: unknown = this.#plan.sections[clause];
		if (!isRecord(section)) return EMPTY;
		return {
			body: typeof section.body === 'string' ? section.body : '',
			items: isRecord(section.items) ? (section.items as SectionData['items']) : {},
			data: isRecord(section.data) ? (section.data as SectionData['data']) : {}
		};
	}

	body(clause: string): string {
		return this.section(clause).body.trim();
	}

	item(clause: string, itemId: string): string {
		const text: unknown = this.section(clause).items[itemId];
		return typeof text === 'string' ? text.trim() : '';
	}

	rows<K extends BlockKey>(clause: string, block: K): BlockRow<K>[] {
		const key = `${clause}/${block}`;
		let rows = this.#rows.get(key);
		if (!rows) {
			rows = parseRows(BLOCKS[block], this.section(clause).data[block]);
			this.#rows.set(key, rows);
		}
		// Cached under the (clause, block) key they were parsed for, with that block's declaration.
		return rows as BlockRow<K>[];
	}

	/** A manual check's confirmation, when one was given and is well-formed. */
	confirmation(checkId: string): ManualConfirmation | undefined {
		const value: unknown = this.#plan.confirmations?.[checkId];
		if (!isRecord(value)) return undefined;
		const { by, at, digest } = value;
		return typeof by === 'string' && typeof at === 'string' && typeof digest === 'string'
			? { by, at, digest }
			: undefined;
	}

	/** The digest of a section's content, computed once per evaluation. */
	digest(clause: string): string {
		let digest = this.#digests.get(clause);
		if (digest === undefined) {
			digest = sectionDigest(this.section(clause));
			this.#digests.set(clause, digest);
		}
		return digest;
	}

	/** The same rows, for rules that read a field named at runtime (items' `fill.field`). */
	records(clause: string, block: BlockKey): readonly Readonly<Record<string, unknown>>[] {
		return this.rows(clause, block);
	}
}
