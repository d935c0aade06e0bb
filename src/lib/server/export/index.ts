/**
 * Exporting a plan: read the source's sections (one at a time, giving the event loop a turn between
 * them so the collaboration server keeps answering), build the model of the chosen edition, render
 * it. DOCX rendering runs in a worker thread; PDF rendering in Chromium's processes.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { renderPrintHtml } from '../../export/html.ts';
import { renderMarkdown } from '../../export/markdown.ts';
import {
	buildExportModel,
	readSectionContent,
	type ModelInput,
	type SectionContent
} from '../../export/model.ts';
import type { EditionKey, ExportDocument, NumberingKey } from '../../export/types.ts';
import { WORDS } from '../../export/vocabulary.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { docxInWorker } from './offload.ts';
import { safeFilename } from './filename.ts';
import { renderPdf } from './pdf.ts';
import type { ExportSource } from './source.ts';

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

export interface ExportOptions {
	edition: EditionKey;
	numbering?: NumberingKey;
}

export interface ExportFile {
	body: Uint8Array | string;
	contentType: string;
	filename: string;
}

const pause = () => nextTurn();

/** The model input: every section read from the source, with a turn of the event loop between. */
export async function loadModelInput(plan: ExportPlan, source: ExportSource): Promise<ModelInput> {
	const sections: SectionContent[] = [];
	for (const template of TEMPLATES) {
		const doc = await source.loadSection(template.clause);
		if (!doc) continue;
		try {
			sections.push(readSectionContent(doc, template));
		} finally {
			doc.destroy();
		}
		await pause();
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
		sections,
		signoffs: await source.signoffs(),
		consultations: await source.consultations()
	};
}

export function exportFilename(doc: ExportDocument, extension: string): string {
	const { meta } = doc;
	const stamp =
		meta.version.kind === 'draft'
			? WORDS.draft
			: `${meta.version.label}${meta.version.hash ? `-${meta.version.hash.slice(0, 8)}` : ''}`;
	return safeFilename(`《${meta.title}》${meta.editionLabel}（${stamp}）.${extension}`);
}

/** The raw structured data: the model's metadata, every section's prose and rows, the records. */
export function exportJson(input: ModelInput, doc: ExportDocument): string {
	return JSON.stringify(
		{
			meta: doc.meta,
			sections: input.sections,
			signoffs: input.signoffs,
			consultations: input.consultations
		},
		null,
		2
	);
}

export async function renderExport(
	input: ModelInput,
	format: ExportFormat | 'html',
	options: ExportOptions
): Promise<ExportFile> {
	const doc = buildExportModel(input, options);
	await pause();
	const file = (body: Uint8Array | string, extension: string): ExportFile => ({
		body,
		contentType: CONTENT_TYPES[format],
		filename: exportFilename(doc, extension)
	});
	switch (format) {
		case 'docx':
			return file(await docxInWorker(doc), 'docx');
		case 'md':
			return file(renderMarkdown(doc), 'md');
		case 'json':
			return file(exportJson(input, doc), 'json');
		case 'html':
			return file(renderPrintHtml(doc), 'html');
		case 'pdf':
			return file(await renderPdf(renderPrintHtml(doc)), 'pdf');
	}
}
