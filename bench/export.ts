/**
 * Export benchmark: the time to export the demo plan, and a plan ten times larger (every prose
 * fragment and block row repeated), through the same path as the download endpoint — sections
 * decoded from stored Yjs states one at a time, then the model built and rendered in the export
 * worker (PDF: printed by Chromium when there is one) — with the 10× run as a ratio to the 1× run,
 * and the longest the event loop was held meanwhile: the collaboration server shares that loop, so
 * an export must leave it free. In-process, no HTTP. `node bench/export.ts` runs it alone.
 *
 * Also the cost of verifying on read (issue 13): the SHA-256 every load of a frozen version
 * recomputes, over a payload holding the 10× plan's Yjs states (base64), as a ratio to the 10×
 * DOCX export it precedes. `--formats=pdf` measures the PDF only.
 */
import { createHash } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoModelInput, demoSectionStates } from '../src/lib/export/fixtures.ts';
import {
	loadExportInput,
	renderExport,
	type ExportFormat,
	type ExportPlan
} from '../src/lib/server/export/index.ts';
import { closeExportWorker } from '../src/lib/server/export/offload.ts';
import { chromiumPath } from '../src/lib/server/export/pdf.ts';
import type { ExportSource } from '../src/lib/server/export/source.ts';

export interface ExportBenchRow {
	size: string;
	format: string;
	ms: number;
	bytes: number;
	maxLoopDelayMs: number;
	/**
	 * The most CPU time the main thread spent between two ticks of a 5 ms timer: what the export
	 * itself held the event loop for. The wall-clock delay above also counts the time the thread
	 * waited for a core — on a loaded 2-core machine most of it (see README).
	 */
	maxLoopCpuMs: number;
}

/** Samples the main thread's CPU time on every tick of a 5 ms timer; the largest step is a hold. */
function cpuHolds(): { stop(): number } {
	let last = process.threadCpuUsage();
	let max = 0;
	const timer = setInterval(() => {
		const used = process.threadCpuUsage(last);
		last = process.threadCpuUsage();
		max = Math.max(max, (used.user + used.system) / 1000);
	}, 5);
	return {
		stop() {
			clearInterval(timer);
			return max;
		}
	};
}

const demo = demoModelInput([]);
const plan: ExportPlan = {
	id: demo.plan.id,
	name: demo.plan.title,
	city: demo.plan.city,
	periodStart: demo.plan.periodStart,
	periodEnd: demo.plan.periodEnd,
	leadUnit: demo.plan.leadUnit
};

/** A source reading each section from its stored state, as a frozen version's export does. */
function sourceOf(states: Map<string, Uint8Array>): ExportSource {
	return {
		version: demo.version,
		sectionState: (clause) => states.get(clause),
		signoffs: () => [...demo.signoffs],
		consultations: () => [...demo.consultations]
	};
}

async function measure(
	size: string,
	format: ExportFormat,
	source: ExportSource,
	runs = 3
): Promise<ExportBenchRow> {
	const run = async () =>
		renderExport(await loadExportInput(plan, source), format, { edition: 'full' });
	await run(); // warm-up (and the worker thread's start)
	const times: number[] = [];
	let bytes = 0;
	const delay = monitorEventLoopDelay({ resolution: 5 });
	delay.enable();
	const holds = cpuHolds();
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const { body } = await run();
		times.push(performance.now() - start);
		bytes = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
	}
	await sleep(20); // a block at the very end is recorded only when the timer fires again
	delay.disable();
	const maxLoopCpuMs = holds.stop();
	times.sort((a, b) => a - b);
	return {
		size,
		format,
		ms: times[Math.floor(runs / 2)],
		bytes,
		maxLoopDelayMs: delay.max / 1e6,
		maxLoopCpuMs
	};
}

/** `--formats=pdf,docx` measures those only. */
const only = process.argv
	.find((a) => a.startsWith('--formats='))
	?.slice('--formats='.length)
	.split(',');
const FORMATS: ExportFormat[] = (
	chromiumPath() ? ['docx', 'pdf', 'md', 'json'] : ['docx', 'md', 'json']
).filter((f): f is ExportFormat => !only || only.includes(f));

/** The median time to hash a payload of the 10× plan's states, as the verify-on-read row. */
function measureVerify(states: Map<string, Uint8Array>, runs = 7): ExportBenchRow {
	const payload = JSON.stringify({
		sections: [...states].map(([clause, state]) => ({
			clause,
			yjs: Buffer.from(state).toString('base64')
		}))
	});
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		createHash('sha256').update(payload, 'utf8').digest('hex');
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return {
		size: '10×',
		format: 'verify',
		ms: times[Math.floor(runs / 2)],
		bytes: Buffer.byteLength(payload),
		maxLoopDelayMs: 0,
		maxLoopCpuMs: 0
	};
}

export async function measureExport(): Promise<ExportBenchRow[]> {
	const ten = demoSectionStates(10);
	const sources = { '1×': sourceOf(demoSectionStates(1)), '10×': sourceOf(ten) };
	const rows: ExportBenchRow[] = [measureVerify(ten)];
	try {
		for (const [size, source] of Object.entries(sources))
			for (const format of FORMATS) rows.push(await measure(size, format, source));
	} finally {
		await closeExportWorker();
	}
	return rows;
}

export function exportTable(rows: readonly ExportBenchRow[]): string {
	const lines = [
		'| format | 1× demo plan (ms) | 10× plan (ms) | 10× / 1× | 10× size | max event-loop delay 1× / 10× (ms) | max main-thread CPU between turns 1× / 10× (ms) |',
		'| --- | --- | --- | --- | --- | --- | --- |'
	];
	for (const format of FORMATS) {
		const one = rows.find((r) => r.size === '1×' && r.format === format);
		const ten = rows.find((r) => r.size === '10×' && r.format === format);
		if (!one || !ten) continue;
		lines.push(
			`| ${format} | ${one.ms.toFixed(0)} | ${ten.ms.toFixed(0)} | ${(ten.ms / one.ms).toFixed(2)} | ${(ten.bytes / 1024).toFixed(0)} KiB | ${one.maxLoopDelayMs.toFixed(0)} / ${ten.maxLoopDelayMs.toFixed(0)} | ${one.maxLoopCpuMs.toFixed(0)} / ${ten.maxLoopCpuMs.toFixed(0)} |`
		);
	}
	const verify = rows.find((r) => r.format === 'verify');
	const docx = rows.find((r) => r.size === '10×' && r.format === 'docx');
	if (verify && docx)
		lines.push(
			'',
			`Verify on read: SHA-256 of the 10× payload (${(verify.bytes / 1024).toFixed(0)} KiB) ${verify.ms.toFixed(1)} ms = ${((verify.ms / docx.ms) * 100).toFixed(1)} % of the 10× DOCX export.`
		);
	return lines.join('\n');
}

if (import.meta.main) {
	const rows = await measureExport();
	console.log(exportTable(rows));
}
