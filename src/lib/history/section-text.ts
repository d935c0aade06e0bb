/**
 * A section document as labelled plain-text parts — the body, each prose item, each structured
 * row — and the difference between two such documents, part by part. Used to show what a past
 * version of a section looked like and what has changed since.
 */
import type * as Y from 'yjs';
import { blockRows, fragmentText, readBlockRows } from '../collab/section-doc.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';
import { BLOCKS, type BlockKey } from '../templates/blocks/index.ts';
import type { FieldDecl } from '../templates/blocks/fields.ts';
import { proseItems } from '../templates/prose-items.ts';
import { diffText, hasChanges, type DiffPart } from './diff.ts';

export interface TextPart {
	/** `body`, `item:<id>` or `block:<key>:<rowId>`. */
	key: string;
	/** What the part is called on the page: 正文, the item's label, or 重点工程 · <row title>. */
	label: string;
	/** The group the part belongs to: `body`, `item` or the block's label. */
	group: string;
	text: string;
}

function fieldText(field: FieldDecl, value: unknown): string {
	if (value === null || value === undefined || value === '') return '';
	if (field.kind === 'reference') return '';
	if (field.kind === 'enum') {
		return field.options.find((o) => o.value === value)?.label ?? String(value);
	}
	return String(value);
}

/** Every part of the section's document, in page order. */
export function sectionParts(doc: Y.Doc, clause: string, structured: readonly BlockKey[]) {
	const parts: TextPart[] = [
		{
			key: BODY_FRAGMENT,
			label: '',
			group: 'body',
			text: fragmentText(doc.getXmlFragment(BODY_FRAGMENT))
		}
	];
	for (const item of proseItems(clause)) {
		const key = itemFragmentName(item.id);
		parts.push({
			key,
			label: item.label,
			group: 'item',
			text: fragmentText(doc.getXmlFragment(key))
		});
	}
	for (const blockKey of structured) {
		const block = BLOCKS[blockKey];
		// Rows that cannot be read are left out here; the section page and the exports report them.
		readBlockRows(blockRows(doc, blockKey)).rows.forEach((row, index) => {
			const values = row.toJSON() as Record<string, unknown>;
			const lines = block.fields
				.map((field) => [field.label, fieldText(field, values[field.key])] as const)
				.filter(([, value]) => value !== '')
				.map(([label, value]) => `${label}：${value}`);
			const title = lines[0]?.split('：').slice(1).join('：') || `${block.rowLabel} ${index + 1}`;
			parts.push({
				key: `block:${blockKey}:${String(values.id)}`,
				label: `${block.label} · ${title}`,
				group: block.label,
				text: lines.join('\n')
			});
		});
	}
	return parts;
}

export type PartStatus = 'same' | 'changed' | 'added' | 'removed';

export interface PartDiff {
	key: string;
	label: string;
	group: string;
	status: PartStatus;
	/** The version's text (empty for a part added since). */
	before: string;
	diff: DiffPart[];
}

/**
 * Part-by-part difference from `before` (a past version) to `after` (now). A part only in `after`
 * was added since, one only in `before` was removed; prose parts always exist (an empty fragment
 * is empty text), so they are `same` or `changed`.
 */
export function diffParts(before: readonly TextPart[], after: readonly TextPart[]): PartDiff[] {
	const afterByKey = new Map(after.map((p) => [p.key, p]));
	const beforeKeys = new Set(before.map((p) => p.key));
	const result: PartDiff[] = [];
	for (const part of before) {
		const now = afterByKey.get(part.key);
		if (!now) {
			result.push({ ...part, status: 'removed', before: part.text, diff: diffText(part.text, '') });
			continue;
		}
		const diff = diffText(part.text, now.text);
		result.push({
			key: part.key,
			label: now.label,
			group: part.group,
			status: hasChanges(diff) ? 'changed' : 'same',
			before: part.text,
			diff
		});
	}
	for (const part of after) {
		if (beforeKeys.has(part.key)) continue;
		result.push({ ...part, status: 'added', before: '', diff: diffText('', part.text) });
	}
	return result;
}
