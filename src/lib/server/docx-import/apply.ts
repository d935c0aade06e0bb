/**
 * Lands a parsed .docx in a section's live draft: appended to the body, through a Hocuspocus
 * DirectConnection whose context is the importer (as a history restore does), so connected editors
 * see it at once and the update log records it as the importer's change.
 *
 * As suggestions (the default, and the only way for those who do not own the section), every
 * imported word is a pending insertion by the importer — one suggestion per top-level block, so the
 * owners accept or reject paragraph by paragraph. Directly (owners only), the text is the owners'
 * own. Either way Word's tracked changes stay pending suggestions by their Word authors, and Word
 * comments become anchored comment threads (posted by the importer, naming Word's author).
 */
import type { Node } from 'prosemirror-model';
import { initProseMirrorDoc, prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { createTextAnchor } from '../../comments/anchor.ts';
import { BODY_FRAGMENT } from '../../editor/fragments.ts';
import { schema } from '../../editor/schema.ts';
import { recordSuggestion, SUGGESTIONS_MAP } from '../../export/revisions.ts';
import type { DocxImportMode } from '../../policy/index.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import { appendAudit } from '../audit/index.ts';
import type { SessionUser } from '../auth/session.ts';
import { getCollab } from '../collab.ts';
import { importThreads, type ImportedThread } from '../comments.ts';
import { DocxRefusal } from './archive.ts';
import type { ImportedComment, ParsedDocx, PMMark, PMNode } from './parse.ts';

export interface ImportActor {
	user: SessionUser;
	ip: string;
	organization: string;
}

export interface ImportResult {
	blocks: number;
	/** Pending suggestions the import added (the importer's and Word's). */
	suggestions: number;
	comments: number;
}

const SUGGESTION_MARKS = new Set(['insertion', 'deletion', 'modification']);

/** The highest numeric suggestion id in use, so new ids never collide with the editor's. */
function highestSuggestionId(doc: Y.Doc): number {
	let max = 0;
	const seen = (value: unknown) => {
		const id = Number((value as { id?: unknown } | null | undefined)?.id ?? value);
		if (Number.isSafeInteger(id) && id > max) max = id;
	};
	if (doc.share.has(SUGGESTIONS_MAP))
		for (const key of doc.getMap(SUGGESTIONS_MAP).keys()) seen(key);
	const walk = (node: Y.XmlElement | Y.XmlFragment | Y.XmlText | Y.XmlHook) => {
		if (node instanceof Y.XmlText) {
			for (const op of node.toDelta() as { attributes?: Record<string, unknown> }[])
				for (const name of SUGGESTION_MARKS) if (op.attributes?.[name]) seen(op.attributes[name]);
		} else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment)
			node.toArray().forEach(walk);
	};
	for (const [name, type] of doc.share)
		if (type instanceof Y.XmlFragment || name === BODY_FRAGMENT) walk(doc.getXmlFragment(name));
	return max;
}

/** Renumbers Word's revisions after `base` and marks the importer's text (suggest mode). */
function markBlocks(
	blocks: readonly PMNode[],
	base: number,
	revisionCount: number,
	mode: DocxImportMode
): { blocks: PMNode[]; importerIds: number[] } {
	const importerIds: number[] = [];
	let nextImporterId = base + revisionCount;
	let used = false;
	const mark = (node: PMNode, importerId: number | null): PMNode => {
		const copy: PMNode = { ...node };
		if (node.marks)
			copy.marks = node.marks.map((m): PMMark =>
				m.type === 'insertion' || m.type === 'deletion'
					? { type: m.type, attrs: { id: base + Number(m.attrs?.id) } }
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
		if (node.content) copy.content = node.content.map((c) => mark(c, importerId));
		return copy;
	};
	const out = blocks.map((block) => {
		if (mode !== 'suggest') return mark(block, null);
		const id = nextImporterId + 1;
		used = false;
		const marked = mark(block, id);
		if (used) importerIds.push(++nextImporterId);
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
): ImportedThread[] {
	if (comments.length === 0) return [];
	const { doc, mapping } = initProseMirrorDoc(fragment, schema);
	let start = 0;
	for (let i = 0; i < startIndex; i++) start += doc.child(i).nodeSize;
	const positions = positionsOf(
		doc,
		start,
		comments.flatMap((c) => [c.from, c.to])
	);
	const threads: ImportedThread[] = [];
	for (const comment of comments) {
		const from = positions.get(comment.from);
		const to = positions.get(comment.to);
		if (from === undefined || to === undefined || to <= from) continue;
		const anchor = createTextAnchor(BODY_FRAGMENT, fragment, doc, mapping, from, to);
		const when = comment.date ? `，${comment.date.slice(0, 10)}` : '';
		threads.push({
			anchor: { kind: 'text', ...anchor },
			body: `【Word 批注 · ${comment.author || '未署名'}${when}】${comment.text}`
		});
	}
	return threads;
}

/** Appends the import to the section's body as the importer; see the module comment. */
export async function applyImport(
	actor: ImportActor,
	planId: number,
	clause: string,
	parsed: ParsedDocx,
	mode: DocxImportMode
): Promise<ImportResult> {
	if (parsed.blocks.length === 0) throw new DocxRefusal('empty');
	// Checked before anything is opened: a file the schema cannot hold changes nothing.
	importDoc(parsed.blocks);
	const name = sectionDocumentName(planId, clause);
	const connection = await getCollab().hocuspocus.openDirectConnection(name, {
		user: actor.user,
		ip: actor.ip,
		organization: actor.organization
	});
	const now = new Date().toISOString();
	let result: ImportResult = { blocks: 0, suggestions: 0, comments: 0 };
	let threads: ImportedThread[] = [];
	try {
		await connection.transact((doc) => {
			const base = highestSuggestionId(doc);
			const { blocks, importerIds } = markBlocks(parsed.blocks, base, parsed.revisions.size, mode);
			const pm = importDoc(blocks);
			const scratch = new Y.Doc();
			const staged = scratch.getXmlFragment('import');
			prosemirrorToYXmlFragment(pm, staged);
			const body = doc.getXmlFragment(BODY_FRAGMENT);
			// A body that is one empty paragraph (a section nobody wrote yet) is replaced, not kept.
			const only = body.length === 1 ? body.get(0) : null;
			if (only instanceof Y.XmlElement && only.nodeName === 'paragraph' && only.length === 0)
				body.delete(0, 1);
			const startIndex = body.length;
			body.insert(
				startIndex,
				staged.toArray().map((n) => n.clone() as Y.XmlElement | Y.XmlText)
			);
			scratch.destroy();
			for (const [localId, revision] of parsed.revisions)
				recordSuggestion(doc, String(base + localId), {
					author: revision.author || '未署名',
					at: revision.date ?? now
				});
			for (const id of importerIds)
				recordSuggestion(doc, String(id), {
					author: actor.user.displayName,
					userId: actor.user.id,
					department: actor.organization || undefined,
					at: now
				});
			threads = commentThreads(body, startIndex, parsed.comments);
			result = {
				blocks: blocks.length,
				suggestions: parsed.revisions.size + importerIds.length,
				comments: threads.length
			};
		});
	} finally {
		await connection.disconnect({ unloadImmediately: false });
	}
	if (threads.length > 0)
		importThreads({ id: actor.user.id, ip: actor.ip }, planId, clause, threads);
	appendAudit({
		action: 'section.docx_imported',
		actorId: actor.user.id,
		planId,
		target: `section:${clause}`,
		details: { mode, ...result },
		ip: actor.ip
	});
	return result;
}
