/**
 * 修订 enforced (issue 17): a suggest-only connection — someone who reads a section but may not
 * write it, e.g. another department's editor or a reviewer — may change the section only inside
 * suggestion marks. This decides, before Hocuspocus applies such a connection's update, whether
 * the update leaves the section's base (its text with every suggestion rejected, base.ts) exactly
 * as it was, touches nothing but the prose fragments (structured blocks take no suggestions),
 * names only its own user in the suggestions it creates (ids.ts), and takes out no one else's
 * suggestion (rejecting one is the owners' decision).
 *
 * Unlike the block guard it applies the update, to two copies of the document (before and after):
 * the question is about ProseMirror content, which only exists once Yjs has integrated the items.
 * Only suggest-only connections pay this; the owners' updates never come here.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../editor/fragments.ts';
import { schema } from '../../editor/schema.ts';
import { baseKey, otherAuthorsTakenOut, suggestionIdsIn } from '../../suggestions/base.ts';
import { parseSuggestionId } from '../../suggestions/ids.ts';

function isProseFragment(name: string): boolean {
	return name === BODY_FRAGMENT || name.startsWith('item:');
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types its event parameter loosely
function rootName(type: Y.AbstractType<any>): string {
	let t = type;
	while (t._item?.parent instanceof Y.AbstractType) t = t._item.parent;
	return Y.findRootTypeKey(t);
}

function prose(doc: Y.Doc, name: string): PMNode {
	return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(name), schema);
}

/** A reason the suggest-only user's update is refused, or null when it only suggests. */
export function findSuggestViolation(
	doc: Y.Doc,
	update: Uint8Array,
	userId: number
): string | null {
	try {
		Y.decodeUpdate(update);
	} catch {
		return null; // not a Yjs update: applying it fails too, and Hocuspocus refuses it
	}
	const state = Y.encodeStateAsUpdate(doc);
	const before = new Y.Doc({ gc: false });
	const after = new Y.Doc({ gc: false });
	Y.applyUpdate(before, state);
	Y.applyUpdate(after, state);
	const changed = new Set<string>();
	after.on('afterTransaction', (transaction: Y.Transaction) => {
		for (const type of transaction.changed.keys()) changed.add(rootName(type));
	});
	try {
		Y.applyUpdate(after, update);
	} catch {
		return null; // Hocuspocus's own application fails the same way
	}
	if (after.store.pendingStructs || after.store.pendingDs)
		return 'an update whose dependencies are missing';
	for (const name of changed) {
		if (!isProseFragment(name)) return `a change to "${name}", which takes no suggestions`;
		let old: PMNode;
		let next: PMNode;
		try {
			old = prose(before, name);
			next = prose(after, name);
		} catch {
			return `a change to "${name}" that is no prose`;
		}
		let same: boolean;
		try {
			same = baseKey(old) === baseKey(next);
		} catch {
			return `a suggestion in "${name}" that cannot be rejected`;
		}
		if (!same) return `a change outside suggestion marks in "${name}"`;
		const known = suggestionIdsIn(old);
		for (const id of suggestionIdsIn(next)) {
			if (known.has(id)) continue;
			if (parseSuggestionId(id)?.userId !== userId)
				return `a suggestion in "${name}" not attributed to its author`;
		}
		if (otherAuthorsTakenOut(old, next, userId) !== null)
			return `another author's suggestion taken out of "${name}"`;
	}
	return null;
}
