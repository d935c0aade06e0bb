/**
 * Turns a row as it comes out of a document (`Y.Map#toJSON()`, or anything a client managed to write)
 * into the declared row shape. Documents are co-edited by many clients, so a field may be missing or
 * hold the wrong kind of value; whatever does not fit the declaration reads as unset rather than
 * failing, and the conformance rules then report it as missing.
 */
import type { BlockDecl, FieldDecl, RowOf } from './fields.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseNumber(raw: unknown): number | null {
	// Numeric strings are accepted: form inputs hand over strings, and '12.5' means 12.5.
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw.trim()) : raw;
	return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function isIsoDate(raw: string): boolean {
	const match = ISO_DATE.exec(raw);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseValue(field: FieldDecl, raw: unknown): string | number | null | string[] {
	switch (field.kind) {
		case 'text':
		case 'longtext':
			return typeof raw === 'string' ? raw : '';
		case 'date':
			return typeof raw === 'string' && isIsoDate(raw) ? raw : '';
		case 'number':
			return parseNumber(raw);
		case 'integer':
		case 'year': {
			const value = parseNumber(raw);
			return value !== null && Number.isInteger(value) ? value : null;
		}
		case 'enum':
			return typeof raw === 'string' && field.options.some((o) => o.value === raw) ? raw : null;
		case 'reference':
			if (field.multiple) {
				if (!Array.isArray(raw)) return [];
				return [...new Set(raw.filter((v): v is string => typeof v === 'string' && v !== ''))];
			}
			return typeof raw === 'string' && raw !== '' ? raw : null;
	}
}

function isRecord(raw: unknown): raw is Readonly<Record<string, unknown>> {
	return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

export function parseRow<const B extends BlockDecl>(block: B, raw: unknown): RowOf<B> {
	const source = isRecord(raw) ? raw : {};
	const row: Record<string, unknown> = { id: typeof source.id === 'string' ? source.id : '' };
	for (const field of block.fields) row[field.key] = parseValue(field, source[field.key]);
	// The loop above fills exactly the declared keys with values of the declared kinds.
	return row as RowOf<B>;
}

export function parseRows<const B extends BlockDecl>(block: B, raw: unknown): RowOf<B>[] {
	return Array.isArray(raw) ? raw.map((r) => parseRow(block, r)) : [];
}
