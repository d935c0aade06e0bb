/**
 * One zod schema per block kind, derived from the block declarations (fields.ts): what a row holds
 * as plain values. The collaboration server checks every value a client writes into a block row
 * against it (src/lib/server/collab/block-guard.ts), so a malformed row never enters a document. Text
 * fields are `Y.Text` in the document; their plain value is a string.
 */
import { z } from 'zod';
import { BLOCKS } from './index.ts';
import type { BlockKey, FieldDecl } from './fields.ts';

export function fieldSchema(field: FieldDecl): z.ZodType {
	switch (field.kind) {
		case 'text':
		case 'longtext':
		case 'date':
			return z.string();
		case 'number':
			return z.number().finite().nullable();
		case 'integer':
		case 'year':
			return z.number().int().nullable();
		case 'enum':
			return z
				.string()
				.refine((v) => field.options.some((o) => o.value === v))
				.nullable();
		case 'reference':
			return field.multiple ? z.array(z.string()) : z.string().nullable();
	}
}

export const ROW_ID_SCHEMA = z.string().min(1).max(200);

function rowSchema(key: BlockKey) {
	const fields: Record<string, z.ZodType> = { id: ROW_ID_SCHEMA };
	for (const field of BLOCKS[key].fields as readonly FieldDecl[])
		fields[field.key] = fieldSchema(field).optional();
	return z.strictObject(fields);
}

/** Block key → the strict schema of one row as plain data (unknown keys refused). */
export const BLOCK_ROW_SCHEMAS = Object.fromEntries(
	(Object.keys(BLOCKS) as BlockKey[]).map((key) => [key, rowSchema(key)])
) as unknown as Record<BlockKey, z.ZodType>;

/** The schema of one key of a block's row, or undefined when the block declares no such key. */
export function rowKeySchema(key: BlockKey, field: string): z.ZodType | undefined {
	if (field === 'id') return ROW_ID_SCHEMA;
	const decl = (BLOCKS[key].fields as readonly FieldDecl[]).find((f) => f.key === field);
	return decl ? fieldSchema(decl) : undefined;
}
