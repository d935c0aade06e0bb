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
import type { DocxImportMode } from '../../policy/index.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import { suggestionId, type SuggestionAuthor } from '../../suggestions/ids.ts';
import { appendAudit } from '../audit/index.ts';
import type { SessionUser } from '../auth/session.ts';
import { getCollab } from '../collab.ts';
import { getDb } from '../db/index.ts';
import { importThreads, type ImportedThread } from '../comments.ts';
import { DocxRefusal } from './archive.ts';
import type { ImportedComment, ImportedRevision, ParsedDocx, PMMark, PMNode } from './parse.ts';

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

/**
 * The plan's members by display name, so a Word revision by "李晓明" — Lantu's own export, or a
 * colleague who shares the name — is credited to that member; a name two members share, or no
 * member has, stays Word's name (user 0 in the suggestion id).
 */
function membersByName(planId: number): Map<string, { userId: number; organizationId: number }> {
	const rows = getDb()
		.$client.prepare<[number], { id: number; name: string; org: number }>(
			`SELECT DISTINCT u.id, u.display_name AS name, u.organization_id AS org
			 FROM plan_members m JOIN users u ON u.id = m.user_id WHERE m.plan_id = ?`
		)
		.all(planId);
	const byName = new Map<string, { userId: number; organizationId: number }>();
	const shared = new Set<string>();
	for (const row of rows) {
		if (byName.has(row.name)) shared.add(row.name);
		byName.set(row.name, { userId: row.id, organizationId: row.org });
	}
	for (const name of shared) byName.delete(name);
	return byName;
}

/** The suggestion ids of Word's revisions: their authors (members where the name is one), their times. */
function revisionIds(
	revisions: ReadonlyMap<number, ImportedRevision>,
	members: ReadonlyMap<string, { userId: number; organizationId: number }>,
	now: number
): Map<number, string> {
	const ids = new Map<number, string>();
	for (const [local, revision] of revisions) {
		const at = revision.date ? Date.parse(revision.date) : now;
		const member = members.get(revision.author);
		const author: SuggestionAuthor = member
			? { ...member, at }
			: { userId: 0, organizationId: 0, at, name: revision.author || '未署名' };
		ids.set(local, suggestionId(author));
	}
	return ids;
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
	const now = Date.now();
	const { blocks, importerIds } = markBlocks(
		parsed.blocks,
		revisionIds(parsed.revisions, membersByName(planId), now),
		mode === 'suggest'
			? { userId: actor.user.id, organizationId: actor.user.organizationId }
			: null,
		now
	);
	// Checked before anything is opened: a file the schema cannot hold changes nothing.
	const pm = importDoc(blocks);
	const name = sectionDocumentName(planId, clause);
	const connection = await getCollab().hocuspocus.openDirectConnection(name, {
		user: actor.user,
		ip: actor.ip,
		organization: actor.organization
	});
	let threads: ImportedThread[] = [];
	try {
		await connection.transact((doc) => {
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
			threads = commentThreads(body, startIndex, parsed.comments);
		});
	} finally {
		await connection.disconnect({ unloadImmediately: false });
	}
	const result: ImportResult = {
		blocks: blocks.length,
		suggestions: parsed.revisions.size + importerIds,
		comments: threads.length
	};
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
