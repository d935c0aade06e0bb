/** What the export renderer reads for a draft of a small sample plan, for tests that render files. */
import type { Node as PMNode } from 'prosemirror-model';
import { prosemirrorToYXmlFragment } from 'y-prosemirror';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../src/lib/editor/fragments.ts';
import { renderFile, type StoredInput } from '../../src/lib/server/export/render.ts';

/** A draft export of plan 1 (示例市, 2026–2030) holding `sections`; `more` adds people, … */
export function draftInput(
	sections: StoredInput['sections'],
	more: Partial<StoredInput> = {}
): StoredInput {
	return {
		plan: {
			id: 1,
			title: '示例',
			city: '示例市',
			periodStart: 2026,
			periodEnd: 2030,
			leadUnit: '大数据局'
		},
		version: { kind: 'draft', label: '草稿', hash: null, at: '2026-12-06T00:00:00Z' },
		date: '2026-12-06T00:00:00Z',
		sections,
		signoffs: [],
		consultations: [],
		...more
	};
}

/** A section's Yjs state whose body is the given ProseMirror document (as the editor stores it). */
export function bodyState(pm: PMNode): Uint8Array {
	const doc = new Y.Doc();
	prosemirrorToYXmlFragment(pm, doc.getXmlFragment(BODY_FRAGMENT));
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** Lantu's DOCX (保留修订) of a 6.1 body, by 李明 (user 7) and 王芳 (user 8). */
export async function exportedDocx(pm: PMNode): Promise<Uint8Array> {
	const { body } = await renderFile(
		draftInput([{ clause: '6.1', state: bodyState(pm) }], {
			people: {
				7: { name: '李明', organization: '大数据局' },
				8: { name: '王芳', organization: '发改委' }
			}
		}),
		'docx',
		{ edition: 'full', revisions: true }
	);
	return body as Uint8Array;
}
