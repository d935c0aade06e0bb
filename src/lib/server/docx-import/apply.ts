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
import type { Actor } from '../actor.ts';
import type { DocxImportMode } from '../../policy/index.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import { appendAudit } from '../audit/index.ts';
import { getCollab } from '../collab.ts';
import { importThreads } from '../comments.ts';
import { getDb } from '../db/index.ts';
import type { ParsedDocx } from './parse.ts';
import * as Y from 'yjs';
import { MAX_DOCUMENT_BYTES } from '../../collab/size-limits.ts';
import { storeImportedImages } from './images.ts';
import { DocxRefusal } from './archive.ts';
import {
	landImport,
	prepareImport,
	stageImport,
	type LandedThread,
	type MembersByName
} from './land.ts';

export interface ImportResult {
	blocks: number;
	/** Pending suggestions the import added (the importer's and Word's). */
	suggestions: number;
	comments: number;
	/** Pictures kept as figures (suggested ones in 修订 mode), and left out (refused by the image module). */
	images: number;
	imagesSkipped: number;
}

/**
 * The plan's members by display name, so a Word revision by "李晓明" — Lantu's own export, or a
 * colleague who shares the name — is credited to that member; a name two members share, or no
 * member has, stays Word's name (user 0 in the suggestion id).
 */
function membersByName(planId: number): MembersByName {
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

/** Appends the import to the section's body as the importer; see the module comment. */
export async function applyImport(
	actor: Actor,
	planId: number,
	clause: string,
	parsed: ParsedDocx,
	mode: DocxImportMode
): Promise<ImportResult> {
	const importer = { userId: actor.user.id, organizationId: actor.user.organizationId };
	const members = membersByName(planId);
	// Checked before anything is opened or stored: a file the schema cannot hold changes nothing.
	prepareImport(parsed, mode, importer, members, Date.now());
	// Then the pictures, into the plan's images (suggested pictures in 修订 mode, images.ts).
	const pictures = await storeImportedImages(parsed, {
		planId,
		clause,
		userId: actor.user.id
	});
	const prepared = prepareImport(pictures.parsed, mode, importer, members, Date.now());
	const staged = stageImport(prepared);
	let threads: LandedThread[];
	try {
		threads = await getCollab().editAs(
			{ user: actor.user, ip: actor.ip },
			sectionDocumentName(planId, clause),
			(doc) => {
				// The section's size cap holds for imports as for editors (whose updates the collab
				// server checks; this change does not pass through a socket). Checked before any change.
				const current = Y.encodeStateAsUpdate(doc).length;
				if (current + staged.bytes > MAX_DOCUMENT_BYTES) throw new DocxRefusal('section-full');
				return landImport(doc, staged, parsed.comments);
			}
		);
	} finally {
		staged.destroy();
	}
	const result: ImportResult = {
		blocks: prepared.blocks.length,
		suggestions: parsed.revisions.size + prepared.importerSuggestions,
		comments: threads.length,
		images: pictures.images,
		imagesSkipped: pictures.imagesSkipped
	};
	if (threads.length > 0)
		importThreads({ user: actor.user, ip: actor.ip }, planId, clause, threads);
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
