import { actorOf } from '#lib/server/actor.ts';
/**
 * POST /api/plans/<id>/sections/<clause>/import?mode=preview|suggest|direct (raw body: a .docx, at
 * most 20 MiB). `preview` reads the file and says what it holds, changing nothing; `suggest` and
 * `direct` land it in the section's live draft (docx-import/apply.ts). Who may use which mode is
 * the policy's `docxImportModes`. A refused file answers 4xx with `{ code, message }` and nothing
 * changes; the page words the code.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { importModes } from '#lib/server/docx-import/access.ts';
import { requireApiMember } from '#lib/server/api.ts';
import { DOCX_LIMITS, DocxRefusal } from '#lib/server/docx-import/archive.ts';
import { docxRefusalText, type ImportRefusalCode } from '#lib/server/docx-import/refusal-text.ts';
import { applyImport } from '#lib/server/docx-import/apply.ts';
import { importPreview } from '#lib/server/docx-import/preview.ts';
import { readDocxInWorker } from '#lib/server/export/offload.ts';
import { logger } from '#lib/server/log.ts';
import { readUpload } from '#lib/server/verify/upload.ts';
import { findSection } from '#lib/standard/sections.ts';
import type { RequestHandler } from './$types';

const log = logger('docx-import');

const query = z.object({ mode: z.enum(['preview', 'suggest', 'direct']) });

function refuse(status: number, code: ImportRefusalCode) {
	return json({ code, message: docxRefusalText(code) }, { status });
}

export const POST: RequestHandler = async (event) => {
	const { plan, user } = requireApiMember(event);
	const section = findSection(event.params.clause);
	if (!section) return json({ code: 'not-found' }, { status: 404 });
	const asked = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!asked.success) return refuse(400, 'mode');
	const modes = importModes(user.id, plan.id, section.clause);
	if (modes.length === 0) return refuse(403, 'forbidden');
	const mode = asked.data.mode;
	if (mode !== 'preview' && !modes.includes(mode)) return refuse(403, 'mode');
	if (Number(event.request.headers.get('content-length') ?? 0) > DOCX_LIMITS.maxFileBytes)
		return refuse(413, 'too-large');
	const bytes = await readUpload(event, DOCX_LIMITS.maxFileBytes);
	const reading = await readDocxInWorker(bytes);
	if (!reading.ok) {
		log.warn(
			{ planId: plan.id, clause: section.clause, userId: user.id, code: reading.code },
			'docx refused'
		);
		return refuse(reading.code === 'too-large' ? 413 : 422, reading.code);
	}
	if (mode === 'preview') return json({ preview: importPreview(reading.parsed), modes });
	let result;
	try {
		result = await applyImport(actorOf(event), plan.id, section.clause, reading.parsed, mode);
	} catch (cause) {
		if (!(cause instanceof DocxRefusal)) throw cause;
		return refuse(422, cause.code);
	}
	log.info(
		{ planId: plan.id, clause: section.clause, userId: user.id, mode, ...result },
		'docx imported'
	);
	return json({ result });
};
