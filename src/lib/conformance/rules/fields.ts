/** Finding rows with unset fields, with field labels taken from the block declaration. */
import {
	BLOCKS,
	type BlockKey,
	type BlockOf,
	type FieldKeyOf
} from '../../templates/blocks/index.ts';
import { MESSAGES, rowName } from '../messages.ts';
import type { Finding, Pointer } from '../types.ts';

/** Unset as parsed rows have it: '' (or blanks), null, or an empty reference list. */
export function isSet(value: unknown): boolean {
	if (typeof value === 'string') return value.trim() !== '';
	if (Array.isArray(value)) return value.length > 0;
	return value !== null && value !== undefined;
}

export function fieldLabel(block: BlockKey, key: string): string {
	return BLOCKS[block].fields.find((f) => f.key === key)?.label ?? key;
}

export function rowPointer(
	section: string,
	block: BlockKey,
	row: number,
	rowId: unknown,
	field?: string
): Pointer {
	return {
		kind: 'block',
		section,
		block,
		row,
		rowId: typeof rowId === 'string' ? rowId : '',
		...(field ? { field } : {})
	};
}

export function blockPointer(section: string, block: BlockKey, field?: string): Pointer {
	return { kind: 'block', section, block, ...(field ? { field } : {}) };
}

/** The name a row goes by in messages: its `nameField`, e.g. a project's 工程名称. */
export function nameOf(
	block: BlockKey,
	rows: readonly Readonly<Record<string, unknown>>[],
	index: number,
	nameField: string
): string {
	const name = rows[index]?.[nameField];
	return rowName(BLOCKS[block].rowLabel, index, typeof name === 'string' ? name : '');
}

/**
 * One finding per row that leaves any of `fields` unset, listing them all and pointing at the first,
 * so the checklist stays one line per row rather than one per field.
 */
export function missingFieldFindings<K extends BlockKey>(
	section: string,
	block: K,
	rows: readonly Readonly<Record<string, unknown>>[],
	fields: readonly FieldKeyOf<BlockOf<K>>[],
	nameField: FieldKeyOf<BlockOf<K>>
): Finding[] {
	return rows.flatMap((row, i) => {
		const missing = fields.filter((key) => !isSet(row[key]));
		const first = missing[0];
		if (!first) return [];
		return [
			{
				message: MESSAGES.missingFields(
					nameOf(block, rows, i, nameField),
					missing.map((key) => fieldLabel(block, key))
				),
				pointer: rowPointer(section, block, i, row.id, first)
			}
		];
	});
}
