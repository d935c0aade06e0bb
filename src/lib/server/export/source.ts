/**
 * Where an export's content comes from. Today: the live draft, read from the collaboration server
 * (live documents when loaded, else SQLite). A frozen, signed-off version (issue 6) plugs in as
 * another `ExportSource`: its sections' Y.Docs decoded from the stored version, its label and hash,
 * its sign-off records and the consultation rounds' 意见采纳情况说明.
 */
import type * as Y from 'yjs';
import type { ConsultationReport, SignoffRecord, VersionStamp } from '../../export/types.ts';
import { sectionDocumentName } from '../../standard/sections.ts';
import { getCollab } from '../collab.ts';
import { WORDS } from '../../export/vocabulary.ts';

export interface ExportSource {
	version: VersionStamp;
	/** The section's document; the caller destroys it when done. */
	loadSection(clause: string): Promise<Y.Doc> | Y.Doc;
	signoffs(): Promise<SignoffRecord[]> | SignoffRecord[];
	consultations(): Promise<ConsultationReport[]> | ConsultationReport[];
}

/**
 * The live draft, marked 草稿. Sign-off records and consultation reports belong to frozen versions
 * and to the workflow, which the draft has none of yet: its appendices say 暂无.
 */
export function liveDraftSource(planId: number, now = new Date()): ExportSource {
	return {
		version: { kind: 'draft', label: WORDS.draft, hash: null, at: now.toISOString() },
		loadSection: (clause) => getCollab().readDocument(sectionDocumentName(planId, clause)),
		signoffs: () => [],
		consultations: () => []
	};
}
