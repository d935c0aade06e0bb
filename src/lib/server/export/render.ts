/**
 * Renders a loaded export (the model input: every section as plain data, the records) into one
 * file. Pure CPU work with no I/O, which is why it can run in the export worker (worker.ts): for a
 * large plan, building the model and serialising it take seconds that must not be the collaboration
 * server's. Like the worker, it and what it imports use relative `.ts` imports only.
 */
import { renderPrintHtml } from '../../export/html.ts';
import { strToU8, zipSync } from 'fflate';
import { figuresOfDocument } from '../../export/figures.ts';
import { imagePath, renderMarkdown } from '../../export/markdown.ts';
import * as Y from 'yjs';
import {
	buildExportModel,
	readSectionContent,
	type ModelInput,
	type SectionContent
} from '../../export/model.ts';
import { readSectionData } from '../../collab/section-doc.ts';
import { evaluatePlan } from '../../conformance/evaluate.ts';
import type { PlanData, SectionData } from '../../conformance/types.ts';
import { getTemplate } from '../../templates/index.ts';
import type { EditionKey, ExportDocument, NumberingKey } from '../../export/types.ts';
import { WORDS } from '../../export/vocabulary.ts';
import { resolveRevisions, type People } from '../../export/revisions.ts';
import { renderDocx } from './docx.ts';
import { withChromium } from './pdf.ts';
import { printPdf } from './print-pdf.ts';
import { renderSigned } from '../verify/sign.ts';
import { cleanProseDeep } from '../../text-rules.ts';

/** What the worker renders; a PDF is the print HTML printed by Chromium (driven from the worker). */
export type RenderFormat = 'docx' | 'pdf' | 'md' | 'json' | 'html';

export interface ExportOptions {
	edition: EditionKey;
	numbering?: NumberingKey;
	/**
	 * The instance's private key (PKCS#8 PEM): a frozen version's DOCX and PDF then carry the signed
	 * 验证信息 (sign.ts). The worker is a thread of this process; the key never leaves it.
	 */
	signingKey?: string;
	/**
	 * Keep the live draft's pending suggestions as Word revisions (保留修订, DOCX only); otherwise
	 * every export shows the owners' text without them (revisions.ts).
	 */
	revisions?: boolean;
}

/** A section as stored: its Yjs state, decoded in the worker. */
export interface SectionState {
	clause: string;
	state: Uint8Array;
}

/** What the server gathers for an export: the model input with its sections still encoded. */
export type StoredInput = Omit<ModelInput, 'sections' | 'checklist'> & {
	sections: readonly SectionState[];
	/** The instance's people, to name the authors of revisions (保留修订). */
	people?: People;
	/** Manual checks confirmed on the plan (the statement names who confirmed each, and when). */
	confirmations?: PlanData['confirmations'];
};

/**
 * Decodes each section's state and reads it as plain content, its suggestions kept or resolved, and
 * as the conformance rules read it (for the report's conformance statement: the rules run on exactly
 * what is printed).
 */
function readStoredInput(stored: StoredInput, keepRevisions: boolean): ModelInput {
	const sections: SectionContent[] = [];
	const data: Record<string, SectionData> = {};
	for (const { clause, state } of stored.sections) {
		const template = getTemplate(clause);
		if (!template) continue;
		const doc = new Y.Doc();
		try {
			Y.applyUpdate(doc, state);
			const content = readSectionContent(doc, template);
			const people = stored.people ?? {};
			content.body = resolveRevisions(content.body, keepRevisions, people);
			for (const id of Object.keys(content.items))
				content.items[id] = resolveRevisions(content.items[id], keepRevisions, people);
			sections.push(content);
			data[clause] = readSectionData(doc, template);
		} finally {
			doc.destroy();
		}
	}
	const checklist = evaluatePlan({
		context: { periodStart: stored.plan.periodStart, periodEnd: stored.plan.periodEnd },
		sections: data,
		confirmations: stored.confirmations
	});
	const { people: _people, confirmations: _confirmations, ...rest } = stored;
	return { ...rest, sections, checklist };
}

export interface RenderedFile {
	body: Uint8Array | string;
	/** The file name without its extension (the caller's format decides it). */
	basename: string;
	/** Markdown with figures: a zip of the .md file and its images/ folder. */
	zip?: boolean;
}

/** The Markdown, alone or, when figures show images, zipped with them (images/<hash>.<ext>). */
function markdownFile(doc: ExportDocument, basename: string): RenderedFile {
	const markdown = renderMarkdown(doc);
	const files: Record<string, Uint8Array> = {};
	for (const figure of figuresOfDocument(doc)) {
		const image = doc.images?.[figure.src];
		if (image) files[imagePath(image)] = image.bytes;
	}
	if (Object.keys(files).length === 0) return { body: markdown, basename };
	files[`${basename}.md`] = strToU8(markdown);
	return { body: zipSync(files, { level: 0 }), basename, zip: true };
}

function exportBasename(doc: ExportDocument): string {
	const { meta } = doc;
	const stamp =
		meta.version.kind === 'draft'
			? WORDS.draft
			: `${meta.version.label}${meta.version.hash ? `-${meta.version.hash.slice(0, 8)}` : ''}`;
	return `《${meta.title}》${meta.editionLabel}（${stamp}）`;
}

/** The raw structured data: the model's metadata, every section's prose and rows, the records. */
function exportJson(input: ModelInput, doc: ExportDocument): string {
	return JSON.stringify(
		{
			meta: doc.meta,
			sections: input.sections,
			signoffs: input.signoffs,
			feedback: input.feedback ?? [],
			consultations: input.consultations
		},
		null,
		2
	);
}

export async function renderFile(
	stored: StoredInput,
	format: RenderFormat,
	options: ExportOptions
): Promise<RenderedFile> {
	// Revisions belong to the live draft: a frozen version is exported as it was signed.
	const keepRevisions =
		format === 'docx' && options.revisions === true && stored.version.kind === 'draft';
	const input = readStoredInput(stored, keepRevisions);
	// Control characters a document may hold (written before its guard refused them) would make the
	// DOCX unreadable to Word (XML 1.0 forbids them) and show as boxes elsewhere.
	const doc = cleanProseDeep(buildExportModel(input, options));
	const basename = exportBasename(doc);
	if ((format === 'docx' || format === 'pdf') && options.signingKey && doc.meta.version.hash)
		return { body: await renderSigned(doc, input, format, options.signingKey), basename };
	switch (format) {
		case 'docx':
			return { body: await renderDocx(doc), basename };
		case 'md':
			return markdownFile(doc, basename);
		case 'json':
			return { body: exportJson(input, doc), basename };
		case 'html':
			return { body: renderPrintHtml(doc), basename };
		case 'pdf':
			return { body: await withChromium((print) => printPdf(doc, print)), basename };
	}
}
