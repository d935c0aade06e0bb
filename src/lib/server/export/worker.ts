/**
 * Export worker entry (a piscina task): decodes the sections, builds the model and renders one
 * file, so all of it — seconds for a large plan — stays off the server's event loop. Run by Node
 * from source (type stripping), which is why it and what it imports use relative `.ts` imports.
 *
 * The same thread reads uploaded files for /verify (`check` tasks): pdf.js parsing megabytes of
 * someone else's PDF is CPU work that must not be the collaboration server's either; and uploaded
 * Word files for import (`docx` tasks) likewise.
 */
import { readDocx, type DocxReading } from '../docx-import/read.ts';
import { checkFile, type FileCheck } from '../verify/check.ts';
import { lowerThreadPriority } from './priority.ts';
import { renderFile, type ExportOptions, type RenderFormat, type StoredInput } from './render.ts';

// Below the event loop's priority, with every Chromium this thread launches (priority.ts).
lowerThreadPriority();

export interface RenderTask {
	input: StoredInput;
	format: RenderFormat;
	options: ExportOptions;
}

export interface CheckTask {
	check: Uint8Array;
	publicKeyPem: string;
}

/** An uploaded .docx to read for import (docx-import/read.ts). */
export interface DocxTask {
	docx: Uint8Array;
}

export type WorkerTask = RenderTask | CheckTask | DocxTask;

export default function run(task: WorkerTask) {
	if ('check' in task) return checkFile(task.check, task.publicKeyPem);
	if ('docx' in task) return readDocx(task.docx);
	const { input, format, options } = task;
	return renderFile(input, format, options);
}

export type { DocxReading, FileCheck };
