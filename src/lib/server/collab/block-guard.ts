/**
 * Block data validated where it enters (issue 11, item 7). A section's structured blocks are
 * top-level arrays `block:<key>` of `Y.Map` rows (section-doc.ts); anything else written into them
 * — a `Y.Text`, a number, a nested array as a row, an undeclared key, a value of the wrong type —
 * used to break the section page and every export. This decides, before Hocuspocus applies a
 * client's update, whether the update would leave a malformed row.
 *
 * It works on the decoded update, not on a copy of the document (copying a 5 MB section per
 * keystroke would cost more than everything else the server does): each new item's parent is found
 * the way Yjs itself will find it when integrating — its explicit parent, else the parent of its
 * left (or right) origin, looked up in the document or in the update — and the item is checked
 * against where it lands:
 * - in a block array: a `Y.Map` (a row), never a key of its own;
 * - in a row: `id` or a declared field, with a value the block's schema accepts (schema.ts) — a
 *   `Y.Text` for text fields;
 * - in a text cell: characters and formatting only;
 * - text anywhere in the section without control characters but tab, newline and CR
 *   (text-rules.ts): they broke exports (a DOCX Word cannot open) and nobody types them.
 * An item whose parent cannot be found (its dependencies are not in the document) is refused too:
 * Yjs would keep it pending and integrate it later, unchecked. Clients of this server never send
 * such updates (the server has everything any client has seen).
 */
import * as Y from 'yjs';
import { BLOCKS, type BlockKey } from '../../templates/blocks/index.ts';
import type { FieldDecl } from '../../templates/blocks/fields.ts';
import { rowKeySchema } from '../../templates/blocks/schema.ts';
import { hasProseControls } from '../../text-rules.ts';

export const BLOCK_PREFIX = 'block:';

type Struct = Y.Item | Y.GC | Y.Skip;

/** Where a type lives, as far as blocks are concerned. */
type Place =
	| { kind: 'other' }
	| { kind: 'block'; key: BlockKey }
	| { kind: 'row'; key: BlockKey }
	| { kind: 'cell'; key: BlockKey };

/** A parent as Yjs will see it: a root type by name, or the type an item holds. */
type Parent = { root: string } | { holder: Y.Item };

type Resolved = { parent: Parent; parentSub: string | null } | 'gone' | 'unresolved';

const OTHER: Place = { kind: 'other' };

function blockKeyOf(rootName: string): BlockKey | undefined {
	if (!rootName.startsWith(BLOCK_PREFIX)) return undefined;
	const key = rootName.slice(BLOCK_PREFIX.length);
	return Object.hasOwn(BLOCKS, key) ? (key as BlockKey) : undefined;
}

function isTextField(key: BlockKey, field: string | null): boolean {
	const decl = (BLOCKS[key].fields as readonly FieldDecl[]).find((f) => f.key === field);
	return decl?.kind === 'text' || decl?.kind === 'longtext';
}

/** Exact Yjs type classes: Y.XmlText extends Y.Text and Y.XmlHook extends Y.Map. */
function heldType(item: Y.Item): Y.AbstractType<unknown> | undefined {
	return item.content instanceof Y.ContentType ? item.content.type : undefined;
}

/** A reason the update is refused, or null when it leaves every block well-formed. */
export function findBlockViolation(doc: Y.Doc, update: Uint8Array): string | null {
	let decoded: { structs: Struct[] };
	try {
		decoded = Y.decodeUpdate(update) as { structs: Struct[] };
	} catch {
		return null; // not a Yjs update: applying it fails too, and Hocuspocus refuses it
	}
	const store = doc.store;
	const places = new Placement(store, decoded.structs);
	for (const struct of decoded.structs) {
		if (!(struct instanceof Y.Item)) continue;
		// Already in the document (a resent update): Yjs skips it.
		if (struct.id.clock + struct.length <= Y.getState(store, struct.id.client)) continue;
		const violation = checkItem(places, struct);
		if (violation) return violation;
	}
	return null;
}

/** Where an item lands and what it holds there: null when allowed, else the reason. */
function checkItem(places: Placement, item: Y.Item): string | null {
	const where = places.resolve(item);
	if (where === 'unresolved') return 'an item whose parent is unknown';
	if (where === 'gone') return null;
	const content = item.content;
	// Anywhere in a section, prose or cell: nobody types these (the editors drop them from pastes).
	if (content instanceof Y.ContentString && hasProseControls(content.str))
		return 'control characters in text';
	const place = places.placeOf(where.parent);
	if (place.kind === 'other' || content instanceof Y.ContentDeleted) return null;
	const type = heldType(item);
	if (place.kind === 'block') {
		if (where.parentSub !== null) return `a key "${where.parentSub}" on block ${place.key}`;
		if (type?.constructor !== Y.Map) return `a row of block ${place.key} that is not a Y.Map`;
		return null;
	}
	if (place.kind === 'cell') {
		if (where.parentSub !== null) return `an attribute on a text cell of ${place.key}`;
		if (content instanceof Y.ContentString || content instanceof Y.ContentFormat) return null;
		return `non-text content in a text cell of ${place.key}`;
	}
	return checkRowValue(place.key, where.parentSub, item);
}

/** An item set on a row: `id` or a declared field, with a value its schema accepts. */
function checkRowValue(key: BlockKey, field: string | null, item: Y.Item): string | null {
	const schema = field === null ? undefined : rowKeySchema(key, field);
	if (field === null || !schema) return `an undeclared key "${field}" in a row of ${key}`;
	if (isTextField(key, field) && heldType(item)?.constructor === Y.Text) return null;
	const content = item.content;
	if (!(content instanceof Y.ContentAny)) return `a value of the wrong kind for ${key}.${field}`;
	for (const value of content.arr) {
		if (!schema.safeParse(value).success) return `an invalid value for ${key}.${field}`;
		if (typeof value === 'string' && hasProseControls(value))
			return `control characters in ${key}.${field}`;
	}
	return null;
}

/**
 * Parents and places of items as Yjs will integrate them: looked up in the document, else in the
 * update (its structs per client, in clock order), with caches per update.
 */
class Placement {
	#store: Y.Doc['store'];
	#own = new Map<number, Struct[]>();
	#resolving = new Set<Y.Item>();
	#resolved = new Map<Y.Item, Resolved>();
	#places = new Map<Y.Item, Place>();

	constructor(store: Y.Doc['store'], structs: Struct[]) {
		this.#store = store;
		for (const struct of structs) {
			const list = this.#own.get(struct.id.client) ?? [];
			list.push(struct);
			this.#own.set(struct.id.client, list);
		}
		for (const list of this.#own.values()) list.sort((a, b) => a.id.clock - b.id.clock);
	}

	#inDoc(id: Y.ID): Struct | undefined {
		const structs = this.#store.clients.get(id.client) as Struct[] | undefined;
		if (!structs || id.clock >= Y.getState(this.#store, id.client)) return undefined;
		return structs[Y.findIndexSS(structs as Y.Item[], id.clock)];
	}

	#inUpdate(id: Y.ID): Struct | undefined {
		const list = this.#own.get(id.client);
		if (!list) return undefined;
		let lo = 0;
		let hi = list.length - 1;
		while (lo <= hi) {
			const mid = (lo + hi) >> 1;
			const s = list[mid];
			if (id.clock < s.id.clock) hi = mid - 1;
			else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
			else return s instanceof Y.Skip ? undefined : s;
		}
		return undefined;
	}

	#find(id: Y.ID): Struct | undefined {
		return this.#inDoc(id) ?? this.#inUpdate(id);
	}

	resolve(item: Y.Item): Resolved {
		// Integrated items know their parent type; the update's own have an id, a name or nothing.
		if (item.parent instanceof Y.AbstractType)
			return { parent: parentOfType(item.parent), parentSub: item.parentSub };
		const cached = this.#resolved.get(item);
		if (cached) return cached;
		if (this.#resolving.has(item)) return 'unresolved'; // a cycle of origins: not a real update
		this.#resolving.add(item);
		const result = this.#resolveNew(item);
		this.#resolving.delete(item);
		this.#resolved.set(item, result);
		return result;
	}

	#resolveNew(item: Y.Item): Resolved {
		const left = item.origin ? this.#find(item.origin) : undefined;
		const right = item.rightOrigin ? this.#find(item.rightOrigin) : undefined;
		if ((item.origin && !left) || (item.rightOrigin && !right)) return 'unresolved';
		// As Item#integrate: next to garbage-collected content the item is garbage itself.
		if (left instanceof Y.GC || right instanceof Y.GC) return 'gone';
		const parent = item.parent as unknown;
		if (typeof parent === 'string') return { parent: { root: parent }, parentSub: item.parentSub };
		if (parent instanceof Y.ID) {
			const holder = this.#find(parent);
			if (!holder) return 'unresolved';
			if (!(holder instanceof Y.Item) || !heldType(holder)) return 'gone';
			return { parent: { holder }, parentSub: item.parentSub };
		}
		const neighbour = left ?? right;
		if (!(neighbour instanceof Y.Item)) return 'unresolved';
		const via = this.resolve(neighbour);
		return typeof via === 'string' ? via : { parent: via.parent, parentSub: neighbour.parentSub };
	}

	placeOf(parent: Parent): Place {
		if ('root' in parent) {
			const key = blockKeyOf(parent.root);
			return key ? { kind: 'block', key } : OTHER;
		}
		const holder = parent.holder;
		const cached = this.#places.get(holder);
		if (cached) return cached;
		this.#places.set(holder, OTHER); // guards against cycles while computing
		let place: Place = OTHER;
		const where = this.resolve(holder);
		if (typeof where !== 'string') {
			const above = this.placeOf(where.parent);
			const type = heldType(holder);
			if (above.kind === 'block' && where.parentSub === null && type?.constructor === Y.Map)
				place = { kind: 'row', key: above.key };
			else if (
				above.kind === 'row' &&
				type?.constructor === Y.Text &&
				isTextField(above.key, where.parentSub)
			)
				place = { kind: 'cell', key: above.key };
		}
		this.#places.set(holder, place);
		return place;
	}
}

function parentOfType(type: Y.AbstractType<unknown>): Parent {
	return type._item ? { holder: type._item } : { root: Y.findRootTypeKey(type) };
}
