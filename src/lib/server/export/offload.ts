/**
 * Runs the DOCX renderer in a worker thread. The worker is started from the source file
 * (docx-worker.ts), found from the project root, so it works the same under Vite's bundle, the
 * tests and the benchmark; where the file cannot be found the renderer runs here, yielding between
 * chapters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ExportDocument } from '../../export/types.ts';
import { renderDocx } from './docx.ts';

const WORKER = 'src/lib/server/export/docx-worker.ts';

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

const workerFile = findWorker();

export function docxInWorker(doc: ExportDocument): Promise<Uint8Array> {
	if (!workerFile) return renderDocx(doc, () => nextTurn());
	return new Promise((resolve, reject) => {
		const worker = new Worker(workerFile, { workerData: doc });
		worker.once('message', (bytes: Uint8Array) => resolve(new Uint8Array(bytes)));
		worker.once('error', reject);
		worker.once('exit', (code) => {
			if (code !== 0) reject(new Error(`DOCX worker exited with ${code}`));
		});
	});
}
