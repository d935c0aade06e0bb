import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lowerThreadPriority } from './priority.ts';

const EXPORT_NICE = 10;

/** The nice value of this process's main thread, as the kernel reports it (field 19 of stat). */
const mainNice = () => os.getPriority(process.pid);

describe.runIf(fs.existsSync('/proc/thread-self'))('the export worker’s priority', () => {
	it('is never applied to the main thread (the event loop)', () => {
		const before = mainNice();
		expect(lowerThreadPriority(10)).toBeNull();
		expect(mainNice()).toBe(before);
	});

	it('lowers the worker thread, and what it launches inherits it; the main thread keeps its own', async () => {
		const before = mainNice();
		const url = new URL('./priority.ts', import.meta.url).href;
		const worker = new Worker(
			`import(${JSON.stringify(url)}).then(({ lowerThreadPriority }) => {
				const { parentPort } = require('node:worker_threads');
				const { execFileSync } = require('node:child_process');
				const applied = lowerThreadPriority(10);
				// A child's nice value, as Chromium launched from this thread would have it.
				const child = execFileSync('sh', ['-c', 'cut -d" " -f19 /proc/self/stat'], { encoding: 'utf8' });
				parentPort.postMessage({ applied, child: Number(child.trim()) });
			});`,
			{ eval: true }
		);
		const result = await new Promise<{ applied: number | null; child: number }>(
			(resolve, reject) => {
				worker.once('message', resolve);
				worker.once('error', reject);
			}
		);
		await worker.terminate();
		expect(result.applied).toBe(Math.max(before, EXPORT_NICE));
		expect(result.child).toBe(Math.max(before, EXPORT_NICE));
		expect(mainNice()).toBe(before);
		// And a child of the main thread is not lowered.
		const own = execFileSync('sh', ['-c', 'cut -d" " -f19 /proc/self/stat'], { encoding: 'utf8' });
		expect(Number(own.trim())).toBe(before);
	});
});
