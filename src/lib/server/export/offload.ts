/**
 * Runs export rendering in a worker thread (piscina: one thread, started on the first export and
 * ended after a minute idle). One thread on purpose: on a small server a second concurrent export
 * waits its turn rather than taking the CPU the collaboration server needs.
 *
 * The worker is started from its source file (worker.ts), found from the project root, so it works
 * the same under Vite's bundle, the tests and the benchmark. Where the file cannot be found (the
 * build deployed without `src/`) the rendering runs on the event loop, and the log says so.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { logger } from '../log.ts';
import {
	renderFile,
	type ExportOptions,
	type RenderedFile,
	type RenderFormat,
	type StoredInput
} from './render.ts';
import { checkFile, type FileCheck } from '../verify/check.ts';
import { readDocx, type DocxReading } from '../docx-import/read.ts';
import type { WorkerTask } from './worker.ts';

const WORKER = 'src/lib/server/export/worker.ts';
const IDLE_MS = 60_000;

function findWorker(): string | undefined {
	let dir = path.dirname(fileURLToPath(import.meta.url));
	for (;;) {
		const candidate = path.join(dir, WORKER);
		if (fs.existsSync(candidate)) return candidate;
		const parent = path.dirname(dir);
		if (parent === dir) return undefined;
		dir = parent;
	}
}

let pool: Piscina<WorkerTask, RenderedFile | FileCheck | DocxReading> | undefined;
let warned = false;

function workerPool(): Piscina<WorkerTask, RenderedFile | FileCheck | DocxReading> | undefined {
	if (pool) return pool;
	const file = findWorker();
	if (!file) {
		if (!warned)
			logger('export').warn({ worker: WORKER }, 'export worker not found: rendering inline');
		warned = true;
		return undefined;
	}
	pool = new Piscina<WorkerTask, RenderedFile | FileCheck | DocxReading>({
		filename: pathToFileURL(file).href,
		minThreads: 0,
		maxThreads: 1,
		idleTimeout: IDLE_MS
	});
	return pool;
}

export async function renderInWorker(
	input: StoredInput,
	format: RenderFormat,
	options: ExportOptions
): Promise<RenderedFile> {
	const workers = workerPool();
	if (!workers) return renderFile(input, format, options);
	return (await workers.run({ input, format, options })) as RenderedFile;
}

/** How long reading one uploaded file may take before the thread is ended (a hostile PDF). */
const CHECK_TIMEOUT_MS = 60_000;

export class CheckTimeoutError extends Error {}

/**
 * Reads and checks an uploaded file (see verify/check.ts) in the same worker thread; a file that
 * keeps the thread busy longer than a minute is given up (piscina ends that thread).
 */
export async function checkInWorker(bytes: Uint8Array, publicKeyPem: string): Promise<FileCheck> {
	const workers = workerPool();
	if (!workers) return checkFile(bytes, publicKeyPem);
	try {
		return (await workers.run(
			{ check: bytes, publicKeyPem },
			{ signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }
		)) as FileCheck;
	} catch (cause) {
		if ((cause as Error).name === 'AbortError')
			throw new CheckTimeoutError('file check timed out', { cause });
		throw cause;
	}
}

/**
 * Reads an uploaded .docx for import in the worker thread; one that keeps it busy past the same
 * minute is refused as malformed (a hostile file, not a document).
 */
export async function readDocxInWorker(bytes: Uint8Array): Promise<DocxReading> {
	const workers = workerPool();
	if (!workers) return readDocx(bytes);
	try {
		return (await workers.run(
			{ docx: bytes },
			{ signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }
		)) as DocxReading;
	} catch (cause) {
		if ((cause as Error).name === 'AbortError') return { ok: false, code: 'malformed' };
		throw cause;
	}
}

/** Ends the worker thread (server shutdown, end of a benchmark). */
export async function closeExportWorker(): Promise<void> {
	const current = pool;
	pool = undefined;
	await current?.destroy();
}
