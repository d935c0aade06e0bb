/**
 * The pure part of an import (no database, no connection): Word's revisions and the importer's
 * text get their suggestion ids (src/lib/suggestions/ids.ts), the result is checked against the
 * editor's schema, appended to a Y.Doc's body, and Word's comments are anchored on the inserted
 * words. apply.ts runs it inside the live document's transaction; the benchmark on a bare Y.Doc.
 */
import type { Node } from 'prosemirror-model';
import { initProseMirrorDoc, prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { createTextAnchor, type TextAnchor } from '../../comments/anchor.ts';
import { COMMENT_LIMITS } from '../../comments/limits.ts';
import { BODY_FRAGMENT } from '../../editor/fragments.ts';
import { schema } from '../../editor/schema.ts';
import type { DocxImportMode } from '../../policy/index.ts';
import { suggestionId, type SuggestionAuthor } from '../../suggestions/ids.ts';
import { DocxRefusal } from './archive.ts';
import type { ImportedComment, ImportedRevision, ParsedDocx, PMMark, PMNode } from './parse.ts';

/** A thread an import brings (a Word comment), anchored on the text just inserted. */
export interface LandedThread {
	anchor: { kind: 'text' } & TextAnchor;
	body: string;
}

export type MembersByName = ReadonlyMap<string, { userId: number; organizationId: number }>;

const SUGGESTION_MARKS = new Set(['insertion', 'deletion', 'modification']);

/** The suggestion ids of Word's revisions: their authors (members where the name is one), their times. */
function revisionIds(
	revisions: ReadonlyMap<number, ImportedRevision>,
	members: MembersByName,
	now: number
): Map<number, string> {
	const ids = new Map<number, string>();
	for (const [local, revision] of revisions) {
		const at = revision.date ? Date.parse(revision.date) : now;
		const member = members.get(revision.author);
		const author: SuggestionAuthor = member
			? { ...member, at }
			: // A Word author's name travels in the id: kept short (ids.ts caps an id's length).
				{ userId: 0, organizationId: 0, at, name: revision.author.slice(0, 40) || '未署名' };
		ids.set(local, suggestionId(author));
	}
	return ids;
}

/**
 * A node's structural suggestion (suggestions/structure.ts) with its id: Word's row, cell and
 * picture revisions and Lantu's exported list suggestions (`insert #3`, `wrap #4`, parse.ts) get
 * their author's id; in suggest mode a picture
 * without one becomes the importer's suggested picture (a text-less block no mark can carry).
 * Null when the node's attributes stay as they are.
 */
function structureAttrs(
	node: PMNode,
	revisionId: ReadonlyMap<number, string>,
	importerId: string | null
): Record<string, unknown> | null {
	const value = node.attrs?.suggestion;
	const local = typeof value === 'string' ? /^(insert|delete|wrap) #(\d+)$/.exec(value) : null;
	if (local) {
		const id = revisionId.get(Number(local[2]));
		return { ...node.attrs, suggestion: id ? `${local[1]} ${id}` : null };
	}
	if (node.type === 'figure' && importerId !== null && !value)
		return { ...node.attrs, suggestion: `insert ${importerId}` };
	return null;
}

/** Gives Word's revisions their suggestion ids and marks the importer's text (suggest mode). */
function markBlocks(
	blocks: readonly PMNode[],
	revisionId: ReadonlyMap<number, string>,
	importer: Omit<SuggestionAuthor, 'at'> | null,
	now: number
): { blocks: PMNode[]; importerIds: number } {
	let importerIds = 0;
	let used = false;
	const mark = (node: PMNode, importerId: string | null): PMNode => {
		const copy: PMNode = { ...node };
		if (node.marks)
			copy.marks = node.marks.map((m): PMMark =>
				m.type === 'insertion' || m.type === 'deletion'
					? { type: m.type, attrs: { id: revisionId.get(Number(m.attrs?.id)) } }
					: m.type === 'format_change'
						? { type: m.type, attrs: { ...m.attrs, id: revisionId.get(Number(m.attrs?.id)) } }
						: m
			);
		if (
			node.type === 'text' &&
			importerId !== null &&
			!copy.marks?.some((m) => SUGGESTION_MARKS.has(m.type))
		) {
			copy.marks = [...(copy.marks ?? []), { type: 'insertion', attrs: { id: importerId } }];
			used = true;
		}
		const structure = structureAttrs(node, revisionId, importerId);
		if (structure) {
			copy.attrs = structure;
			if (structure.suggestion === `insert ${importerId}`) used = true;
		}
		if (node.content) copy.content = node.content.map((c) => mark(c, importerId));
		return copy;
	};
	const out = blocks.map((block, index) => {
		// One suggestion per top-level block: the owners decide paragraph by paragraph. A
		// millisecond apart, so a DOCX export of them still tells them apart (docx-revisions.ts).
		const id = importer ? suggestionId({ ...importer, at: now + index }) : null;
		used = false;
		const marked = mark(block, id);
		if (used) importerIds++;
		return marked;
	});
	return { blocks: out, importerIds };
}

/** The ProseMirror document of the import, checked against the schema. */
function importDoc(blocks: PMNode[]): Node {
	try {
		const doc = schema.nodeFromJSON({ type: 'doc', content: blocks });
		doc.check();
		return doc;
	} catch {
		throw new DocxRefusal('malformed');
	}
}

/** ProseMirror positions of character offsets (as parse.ts counts them) in the nodes after `start`. */
function positionsOf(doc: Node, start: number, offsets: number[]): Map<number, number> {
	const found = new Map<number, number>();
	const wanted = [...new Set(offsets)].sort((a, b) => a - b);
	let count = 0;
	let i = 0;
	doc.nodesBetween(start, doc.content.size, (node, pos) => {
		if (i >= wanted.length) return false;
		if (!node.isText && node.type.name !== 'hard_break') return true;
		const length = node.isText ? node.text!.length : 1;
		while (i < wanted.length && wanted[i] <= count + length) {
			// An offset at a node's very end anchors in it (not at the next block's start).
			found.set(wanted[i], node.isText ? pos + (wanted[i] - count) : pos);
			i++;
		}
		count += length;
		return false;
	});
	return found;
}

function commentThreads(
	fragment: Y.XmlFragment,
	startIndex: number,
	comments: readonly ImportedComment[]
): LandedThread[] {
	if (comments.length === 0) return [];
	const { doc, mapping } = initProseMirrorDoc(fragment, schema);
	let start = 0;
	for (let i = 0; i < startIndex; i++) start += doc.child(i).nodeSize;
	const positions = positionsOf(
		doc,
		start,
		comments.flatMap((c) => [c.from, c.to])
	);
	const threads: LandedThread[] = [];
	for (const comment of comments) {
		const from = positions.get(comment.from);
		const to = positions.get(comment.to);
		if (from === undefined || to === undefined || to <= from) continue;
		const anchor = createTextAnchor(BODY_FRAGMENT, fragment, doc, mapping, from, to);
		const when = comment.date ? `，${comment.date.slice(0, 10)}` : '';
		threads.push({
			anchor: { kind: 'text', ...anchor },
			body: `【Word 批注 · ${comment.author || '未署名'}${when}】${comment.text}`.slice(
				0,
				COMMENT_LIMITS.body
			)
		});
	}
	return threads;
}

export interface Prepared {
	blocks: PMNode[];
	doc: Node;
	/** Suggestions the importer's own text became (one per top-level block; 0 when direct). */
	importerSuggestions: number;
}

/** Gives the import its suggestion ids and checks it against the schema (DocxRefusal if not). */
export function prepareImport(
	parsed: ParsedDocx,
	mode: DocxImportMode,
	importer: Omit<SuggestionAuthor, 'at'>,
	members: MembersByName,
	now: number
): Prepared {
	if (parsed.blocks.length === 0) throw new DocxRefusal('empty');
	const { blocks, importerIds } = markBlocks(
		parsed.blocks,
		revisionIds(parsed.revisions, members, now),
		mode === 'suggest' ? importer : null,
		now
	);
	return { blocks, doc: importDoc(blocks), importerSuggestions: importerIds };
}

/** A prepared import written into a scratch Y.Doc, with the bytes it will add to a section. */
export interface Staged {
	fragment: Y.XmlFragment;
	bytes: number;
	destroy(): void;
}

export function stageImport(prepared: Prepared): Staged {
	const scratch = new Y.Doc();
	const fragment = scratch.getXmlFragment('import');
	prosemirrorToYXmlFragment(prepared.doc, fragment);
	return {
		fragment,
		bytes: Y.encodeStateAsUpdate(scratch).length,
		destroy: () => scratch.destroy()
	};
}

/** Appends a staged import to `doc`'s body (call inside its transaction); returns the threads. */
export function landImport(
	doc: Y.Doc,
	staged: Staged,
	comments: readonly ImportedComment[]
): LandedThread[] {
	const body = doc.getXmlFragment(BODY_FRAGMENT);
	// A body that is one empty paragraph (a section nobody wrote yet) is replaced, not kept.
	const only = body.length === 1 ? body.get(0) : null;
	if (only instanceof Y.XmlElement && only.nodeName === 'paragraph' && only.length === 0)
		body.delete(0, 1);
	const startIndex = body.length;
	body.insert(
		startIndex,
		staged.fragment.toArray().map((n) => n.clone() as Y.XmlElement | Y.XmlText)
	);
	return commentThreads(body, startIndex, comments);
}
