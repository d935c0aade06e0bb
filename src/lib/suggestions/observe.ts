/**
 * What an owner's edit did to pending suggestions, seen from the document alone (before and after
 * the edit): a suggestion whose id is gone was accepted when the document is exactly the one
 * accepting it gives, rejected when it is the one rejecting it gives. Anything else (the owner
 * also typed elsewhere in the same update, or deleted the words) decides nothing here — the
 * editor's own report still can. Lets the server record the decision on a consultation
 * 修改建议 itself (server/suggestions/observer.ts), even when the owner's page closed at once.
 */
import { applySuggestion, revertSuggestion } from '@handlewithcare/prosemirror-suggest-changes';
import type { Node as PMNode } from 'prosemirror-model';
import { EditorState } from 'prosemirror-state';
import { schema } from '../editor/schema.ts';
import { docKey, suggestionIdsIn } from './base.ts';

export interface ObservedDecision {
	suggestionId: string;
	outcome: 'accepted' | 'rejected';
	/** The words the suggestion inserted, as they were when it was decided. */
	inserted: string;
}

function insertedWords(doc: PMNode, id: string): string {
	let words = '';
	doc.descendants((node) => {
		if (node.isText && node.marks.some((m) => m.type.name === 'insertion' && m.attrs.id === id))
			words += node.text ?? '';
		return true;
	});
	return words.replace(/\u200B/g, '');
}

function decided(before: PMNode, id: string, accept: boolean): PMNode | null {
	const state = EditorState.create({ schema, doc: before });
	let result: PMNode | null = null;
	const command = accept ? applySuggestion(id) : revertSuggestion(id);
	command(state, (tr) => (result = tr.doc));
	return result;
}

/** The decisions on `ids` an edit from `before` to `after` made, when it made nothing else. */
export function observeDecisions(
	before: PMNode,
	after: PMNode,
	ids: readonly string[]
): ObservedDecision[] {
	const was = suggestionIdsIn(before);
	const is = suggestionIdsIn(after);
	const gone = ids.filter((id) => was.has(id) && !is.has(id));
	if (gone.length === 0) return [];
	const target = docKey(after);
	const out: ObservedDecision[] = [];
	for (const id of gone) {
		for (const accept of [true, false]) {
			const doc = decided(before, id, accept);
			if (doc && docKey(doc) === target) {
				out.push({
					suggestionId: id,
					outcome: accept ? 'accepted' : 'rejected',
					inserted: insertedWords(before, id)
				});
				break;
			}
		}
	}
	return out;
}
