/**
 * Builders for template items from outline.json, so the standard's labels and texts are read from one
 * place rather than retyped per section.
 */
import { findClause, requireClause } from './outline.ts';
import type { ItemFill, NormativeVerb, TemplateItem } from './types.ts';

const PROSE: ItemFill = { kind: 'prose' };

/**
 * "组织保障：应针对……" → 组织保障. Only a short lead before the colon is a title; a long one is a
 * sentence that happens to contain a colon.
 */
export function shortTitle(text: string): string {
	const colon = text.indexOf('：');
	return colon > 0 && colon <= 12 ? text.slice(0, colon) : text;
}

interface SubclauseOptions {
	/** The sub-clause's own text, verbatim from the standard (outline.json condenses some). */
	text: string;
	/** For clauses the standard leaves untitled. */
	label?: string;
	verb?: NormativeVerb;
	note?: string;
}

/** A sub-clause written as one prose field (6.1.2.1, 6.2.3, 7.2.1), with its lettered points. */
export function subclauseItem(clause: string, options: SubclauseOptions): TemplateItem {
	// outline.json keeps 7.2.1 and 7.2.2 as numbered items of 7.2 rather than as clauses.
	const parent = clause.split('.').slice(0, -1).join('.');
	const asItem = findClause(parent)?.items?.some((i) => i.label === clause);
	const node = asItem ? { title: '' } : requireClause(clause);
	if (!options.label && !node.title) throw new Error(`${clause} is untitled: give it a label`);
	const label = options.label ?? `${clause} ${node.title}`;
	return {
		id: clause,
		clause,
		label,
		text: options.text,
		verb: options.verb ?? 'none',
		required: true,
		source: 'body',
		fill: PROSE,
		...('items' in node && node.items
			? { points: node.items.map(({ label, text }) => ({ label, text })) }
			: {}),
		...(options.note ? { note: options.note } : {})
	};
}

interface LetteredOptions {
	verb: NormativeVerb | ((label: string) => NormativeVerb);
	required?: boolean;
	fill?: ItemFill | ((label: string) => ItemFill);
}

/** The lettered items of a clause (6.5.2 a)–j)), each an item `<clause>.<letter>`. */
export function letteredItems(clause: string, options: LetteredOptions): TemplateItem[] {
	const node = requireClause(clause);
	return (node.items ?? []).map(({ label, text }) => ({
		id: `${clause}.${label}`,
		clause,
		label: `${label}）${shortTitle(text)}`,
		text,
		verb: typeof options.verb === 'function' ? options.verb(label) : options.verb,
		required: options.required ?? true,
		source: 'body' as const,
		fill: typeof options.fill === 'function' ? options.fill(label) : (options.fill ?? PROSE)
	}));
}

/** An output Table A.1 lists for a section that the body of the standard does not. */
export function tableA1Item(section: string, slug: string, label: string): TemplateItem {
	return {
		id: `${section}.A1.${slug}`,
		clause: 'A.1',
		label: `${label}（表A.1）`,
		text: '',
		verb: 'none',
		required: false,
		source: 'table-A.1',
		fill: PROSE
	};
}
