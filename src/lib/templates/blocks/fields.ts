/**
 * How a structured block (DESIGN.md §2) declares its row fields, and the row types derived from that
 * declaration. A block is declared once as a `const` object; `RowOf<typeof someBlock>` gives the
 * TypeScript shape of its rows, so the UI, the Yjs layer and the conformance rules cannot disagree
 * about a field's name or kind.
 */

/** Every structured block a section can hold: the keys of a section document's `data` map. */
export const BLOCK_KEYS = [
	'needs',
	'indicators',
	'goals',
	'architectureLayers',
	'businessTree',
	'systems',
	'keyProjects',
	'operatingModel',
	'phases',
	'planRegister',
	'funding',
	'projectLibrary',
	'fiscalCapacity',
	'dataCatalog'
] as const;
export type BlockKey = (typeof BLOCK_KEYS)[number];

export interface EnumOption {
	readonly value: string;
	readonly label: string;
}

interface FieldBase {
	/** Key inside the row's Y.Map. Never rename one: stored documents keep the old key. */
	readonly key: string;
	readonly label: string;
	readonly hint?: string;
}

export interface TextField extends FieldBase {
	readonly kind: 'text' | 'longtext';
}
export interface NumberField extends FieldBase {
	readonly kind: 'number';
	readonly unit?: string;
}
export interface IntegerField extends FieldBase {
	/** `year` is an integer shown and checked as a calendar year. */
	readonly kind: 'integer' | 'year';
}
/** An ISO calendar date, `YYYY-MM-DD`. */
export interface DateField extends FieldBase {
	readonly kind: 'date';
}
export interface EnumField extends FieldBase {
	readonly kind: 'enum';
	readonly options: readonly EnumOption[];
}
/**
 * Row ids of another block, possibly in another section's document (goals in 7.3 point at needs in
 * 6.5). Ids, not indexes: rows are reordered and deleted concurrently.
 */
export interface ReferenceField extends FieldBase {
	readonly kind: 'reference';
	readonly section: string;
	readonly block: BlockKey;
	readonly multiple: boolean;
}

export type FieldDecl =
	TextField | NumberField | IntegerField | DateField | EnumField | ReferenceField;
export type FieldKind = FieldDecl['kind'];

export interface BlockDecl {
	readonly key: BlockKey;
	/** Block heading, e.g. 重点工程. */
	readonly label: string;
	/** What one row is called in buttons and messages, e.g. 工程. */
	readonly rowLabel: string;
	readonly fields: readonly FieldDecl[];
}

/** Identity at runtime; the `const` type parameter keeps every key, kind and option literal. */
export function defineBlock<const B extends BlockDecl>(block: B): B {
	return block;
}

/**
 * The value a field holds in a row, as plain data. Unset is `''` for text and dates, `null` for
 * numbers, enums and single references, `[]` for multiple references — so a row always has every key.
 */
export type FieldValue<F extends FieldDecl> = F extends { kind: 'text' | 'longtext' | 'date' }
	? string
	: F extends { kind: 'number' | 'integer' | 'year' }
		? number | null
		: F extends { kind: 'enum'; options: readonly (infer O)[] }
			? (O extends { value: infer V } ? V : never) | null
			: F extends { kind: 'reference'; multiple: true }
				? string[]
				: F extends { kind: 'reference' }
					? string | null
					: never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A row of a block: its stable `id` plus one property per declared field. */
export type RowOf<B extends { readonly fields: readonly FieldDecl[] }> = Simplify<
	{ id: string } & { [F in B['fields'][number] as F['key']]: FieldValue<F> }
>;

export type FieldKeyOf<B extends { readonly fields: readonly FieldDecl[] }> =
	B['fields'][number]['key'];

/** The option values of an enum field, e.g. `OptionValue<typeof GOAL_LEVELS>`. */
export type OptionValue<O extends readonly EnumOption[]> = O[number]['value'];
