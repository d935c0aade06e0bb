import { actorOf } from '#lib/server/actor.ts';
/**
 * POST /api/plans/<id>/import?mode=preview|suggest|owned[&map=<JSON>] (raw body: a .docx of a
 * whole plan). `preview` splits it at the headings that name the standard's sections
 * (docx-import/plan-map.ts) and answers the parts with their guessed section, and the sections the
 * caller may import into; nothing changes. `suggest` and `owned` land each part in the section
 * `map` assigns it (one entry per part, a clause or null to leave it out) — `owned` directly where
 * the caller's department owns the section, as suggestions elsewhere. Every mapped section is
 * checked against the policy before the first one changes.
 */
import { json } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '#lib/paraglide/messages.js';
import type { DocxImportMode } from '#lib/policy/index.ts';
import { importableSections } from '#lib/server/docx-import/access.ts';
import { requireApiMember } from '#lib/server/api.ts';
import { applyImport, type ImportResult } from '#lib/server/docx-import/apply.ts';
import { DOCX_LIMITS, DocxRefusal } from '#lib/server/docx-import/archive.ts';
import { splitPlan } from '#lib/server/docx-import/plan-map.ts';
import { importPreview } from '#lib/server/docx-import/preview.ts';
import { readDocxInWorker } from '#lib/server/export/offload.ts';
import { logger } from '#lib/server/log.ts';
import { readUpload } from '#lib/server/verify/upload.ts';
import { SECTIONS } from '#lib/standard/sections.ts';
import { docxRefusalText } from '#lib/server/docx-import/refusal-text.ts';
import type { RequestHandler } from './$types';

const log = logger('docx-import');

const query = z.object({
	mode: z.enum(['preview', 'suggest', 'owned']),
	map: z
		.string()
		.max(20_000)
		.optional()
		.transform((raw, ctx) => {
			if (raw === undefined) return undefined;
			const parsed = z
				.array(
					z
						.string()
						.regex(/^\d\.\d$/)
						.nullable()
				)
				.max(1000)
				.safeParse(
					(() => {
						try {
							return JSON.parse(raw) as unknown;
						} catch {
							return null;
						}
					})()
				);
			if (!parsed.success) {
				ctx.addIssue({ code: 'custom', message: 'bad map' });
				return z.NEVER;
			}
			return parsed.data;
		})
});

function refuse(status: number, code: Parameters<typeof docxRefusalText>[0]) {
	return json({ code, message: docxRefusalText(code) }, { status });
}

export const POST: RequestHandler = async (event) => {
	const { plan, user } = requireApiMember(event);
	const asked = query.safeParse(Object.fromEntries(event.url.searchParams));
	if (!asked.success) return refuse(400, 'mode');
	const modes = importableSections(user.id, plan.id);
	if (modes.size === 0) return refuse(403, 'forbidden');
	if (Number(event.request.headers.get('content-length') ?? 0) > DOCX_LIMITS.maxFileBytes)
		return refuse(413, 'too-large');
	const bytes = await readUpload(event, DOCX_LIMITS.maxFileBytes);
	const reading = await readDocxInWorker(bytes);
	if (!reading.ok) {
		log.warn({ planId: plan.id, userId: user.id, code: reading.code }, 'docx refused');
		return refuse(reading.code === 'too-large' ? 413 : 422, reading.code);
	}
	const parts = splitPlan(reading.parsed);
	if (asked.data.mode === 'preview')
		return json({
			parts: parts.map((part) => {
				const preview = importPreview(part.parsed);
				return {
					heading: part.heading,
					guess: part.guess !== null && modes.has(part.guess) ? part.guess : null,
					paragraphs: preview.paragraphs,
					tables: preview.tables,
					revisions: part.parsed.revisions.size,
					comments: part.parsed.comments.length,
					excerpt: preview.excerpt[0] ?? ''
				};
			}),
			sections: SECTIONS.filter((s) => modes.has(s.clause)).map((s) => ({
				clause: s.clause,
				title: s.title,
				modes: modes.get(s.clause)
			}))
		});
	const map = asked.data.map;
	if (!map || map.length !== parts.length) return refuse(400, 'mode');
	if (map.some((clause) => clause !== null && !modes.has(clause))) return refuse(403, 'forbidden');
	if (map.every((clause) => clause === null)) return refuse(422, 'empty');
	const results: (ImportResult & { clause: string; mode: DocxImportMode })[] = [];
	for (const [index, clause] of map.entries()) {
		if (clause === null) continue;
		const mode: DocxImportMode =
			asked.data.mode === 'owned' && modes.get(clause)?.includes('direct') ? 'direct' : 'suggest';
		try {
			const result = await applyImport(actorOf(event), plan.id, clause, parts[index].parsed, mode);
			results.push({ clause, mode, ...result });
		} catch (cause) {
			if (!(cause instanceof DocxRefusal)) throw cause;
			// Parts already landed stay (each is its own change in its section's history).
			log.warn({ planId: plan.id, clause, code: cause.code }, 'docx part refused');
			return json(
				{
					code: cause.code,
					message: `${docxRefusalText(cause.code)} ${m.docxio_plan_partial({ clause })}`,
					results
				},
				{ status: 422 }
			);
		}
	}
	log.info({ planId: plan.id, userId: user.id, sections: results.length }, 'docx plan imported');
	return json({ results });
};
