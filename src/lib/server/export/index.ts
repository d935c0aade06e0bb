/**
 * Exporting a plan: gather the source's sections as encoded Yjs states (cheap, one at a time with a
 * turn of the event loop between), then decode them, build the model of the chosen edition and
 * render it in the export worker (offload.ts), so the collaboration server sharing this event loop
 * keeps answering. A PDF is the print HTML printed by Chromium, driven from the worker too: the
 * megabytes of the DevTools protocol's answer are parsed there.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { TEMPLATES } from '../../templates/index.ts';
import { config } from '../config.ts';
import { exportImages } from '../images/export.ts';
import { closeExportWorker, renderInWorker } from './offload.ts';
import { safeFilename } from './filename.ts';
import { chromiumPath, PdfUnavailableError } from './pdf.ts';
import { exportPeople } from './people.ts';
import type { ExportOptions, SectionState, StoredInput } from './render.ts';
import type { ExportSource } from './source.ts';
import { loadWaivers } from './waivers.ts';
import { planConfirmations } from '../plan-data.ts';

export type { ExportOptions, StoredInput } from './render.ts';

export const EXPORT_FORMATS = ['docx', 'pdf', 'md', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CONTENT_TYPES: Record<ExportFormat | 'html', string> = {
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	pdf: 'application/pdf',
	md: 'text/markdown; charset=utf-8',
	json: 'application/json; charset=utf-8',
	html: 'text/html; charset=utf-8'
};

export interface ExportPlan {
	id: number;
	name: string;
	city: string;
	periodStart: number;
	periodEnd: number;
	leadUnit: string;
}

export interface ExportFile {
	body: Uint8Array | string;
	contentType: string;
	filename: string;
}

/** What the export is made from: the plan, every section's stored state, the records. */
export async function loadExportInput(
	plan: ExportPlan,
	source: ExportSource
): Promise<StoredInput> {
	const sections: SectionState[] = [];
	for (const template of TEMPLATES) {
		const state = await source.sectionState(template.clause);
		if (state) sections.push({ clause: template.clause, state });
		await nextTurn();
	}
	return {
		plan: {
			id: plan.id,
			title: plan.name,
			city: plan.city,
			periodStart: plan.periodStart,
			periodEnd: plan.periodEnd,
			leadUnit: plan.leadUnit
		},
		version: source.version,
		date: new Date().toISOString(),
		timeZone: config.TIME_ZONE,
		sections,
		images: await exportImages(plan.id, sections),
		signoffs: await source.signoffs(),
		feedback: source.feedback?.() ?? [],
		consultations: await source.consultations(),
		waivers: loadWaivers(plan.id),
		confirmations: planConfirmations(plan.id),
		// Only the live draft carries revisions (render.ts), so only it needs their authors' names.
		...(source.version.kind === 'draft' && { people: exportPeople() })
	};
}

export async function renderExport(
	input: StoredInput,
	format: ExportFormat | 'html',
	options: ExportOptions
): Promise<ExportFile> {
	// Decided here: an error thrown in the worker would reach us as a plain Error.
	if (format === 'pdf' && !chromiumPath()) throw new PdfUnavailableError();
	const { body, basename, zip } = await renderInWorker(input, format, options);
	return {
		body,
		contentType: zip ? 'application/zip' : CONTENT_TYPES[format],
		filename: safeFilename(`${basename}.${zip ? 'zip' : format}`)
	};
}

// The worker thread ends with the server (server/index.ts emits this on SIGTERM/SIGINT).
process.once('sveltekit:shutdown' as 'exit', () => void closeExportWorker());
