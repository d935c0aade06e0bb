/**
 * Writes the demo plan's section documents: one Yjs update per section, attributed to an editor of
 * the department that owns it, as if they had written it in the editor. Only into documents that
 * have nothing stored yet, so it never overwrites anyone's work.
 */
import * as Y from 'yjs';
import { createDocumentStore } from '../collab/store.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import type { Db } from '../db/index.ts';
import { buildSectionDoc, DEMO_SECTIONS } from '../../demo-content/index.ts';

/** Returns how many sections were written. */
export function seedDemoContent(
	db: Db,
	planId: number,
	userIds: ReadonlyMap<string, number>
): number {
	const sqlite = db.$client;
	const store = createDocumentStore(db);
	const stored = sqlite.prepare<[string, string], { n: number }>(
		`SELECT (SELECT count(*) FROM document_updates WHERE name = ?)
			+ (SELECT count(*) FROM document_snapshots WHERE name = ?) AS n`
	);
	let written = 0;
	sqlite.transaction(() => {
		for (const section of DEMO_SECTIONS) {
			const name = sectionDocumentName(planId, section.clause);
			if ((stored.get(name, name)?.n ?? 0) > 0) continue;
			const doc = buildSectionDoc(section);
			try {
				store.append(name, Y.encodeStateAsUpdate(doc), userIds.get(section.author) ?? null);
			} finally {
				doc.destroy();
			}
			written += 1;
		}
	})();
	return written;
}
