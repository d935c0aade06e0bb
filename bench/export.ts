/**
 * Export benchmark: time to export the demo plan, and a plan ten times larger (every prose fragment
 * and block row repeated), as DOCX, Markdown and print HTML — reported with the 10× run as a ratio
 * to the 1× run — and the longest the event loop was held meanwhile (the DOCX is rendered in a worker
 * thread, so the collaboration server keeps answering). In-process, no server: the
 * same model and renderers the endpoints use. `node bench/export.ts` runs it alone.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { demoModelInput, demoSectionContents, scaleContents } from '../src/lib/export/fixtures.ts';
import { renderPrintHtml } from '../src/lib/export/html.ts';
import { renderMarkdown } from '../src/lib/export/markdown.ts';
import { buildExportModel, type ModelInput } from '../src/lib/export/model.ts';
import { docxInWorker } from '../src/lib/server/export/offload.ts';

export interface ExportBenchRow {
	size: string;
	format: string;
	ms: number;
	bytes: number;
	maxLoopDelayMs: number;
}

async function measure(
	size: string,
	format: string,
	input: ModelInput,
	render: (input: ModelInput) => Promise<Uint8Array | string>,
	runs = 3
): Promise<ExportBenchRow> {
	await render(input); // warm up
	const times: number[] = [];
	let bytes = 0;
	const delay = monitorEventLoopDelay({ resolution: 5 });
	delay.enable();
	for (let i = 0; i < runs; i++) {
		const start = performance.now();
		const out = await render(input);
		times.push(performance.now() - start);
		bytes = typeof out === 'string' ? Buffer.byteLength(out) : out.length;
	}
	delay.disable();
	times.sort((a, b) => a - b);
	return { size, format, ms: times[Math.floor(runs / 2)], bytes, maxLoopDelayMs: delay.max / 1e6 };
}

export async function measureExport(): Promise<ExportBenchRow[]> {
	const base = demoSectionContents();
	const inputs = {
		'1×': demoModelInput(base),
		'10×': demoModelInput(scaleContents(base, 10))
	};
	const rows: ExportBenchRow[] = [];
	for (const [size, input] of Object.entries(inputs)) {
		rows.push(
			await measure(size, 'docx', input, (i) =>
				docxInWorker(buildExportModel(i, { edition: 'full' }))
			)
		);
		rows.push(
			await measure(size, 'md', input, async (i) =>
				renderMarkdown(buildExportModel(i, { edition: 'full' }))
			)
		);
		rows.push(
			await measure(size, 'html', input, async (i) =>
				renderPrintHtml(buildExportModel(i, { edition: 'full' }))
			)
		);
	}
	return rows;
}

export function exportTable(rows: readonly ExportBenchRow[]): string {
	const lines = [
		'| format | 1× demo plan (ms) | 10× plan (ms) | 10× / 1× | 10× size | max event-loop delay 10× (ms) |',
		'| --- | --- | --- | --- | --- | --- |'
	];
	for (const format of ['docx', 'md', 'html']) {
		const one = rows.find((r) => r.size === '1×' && r.format === format);
		const ten = rows.find((r) => r.size === '10×' && r.format === format);
		if (!one || !ten) continue;
		lines.push(
			`| ${format} | ${one.ms.toFixed(0)} | ${ten.ms.toFixed(0)} | ${(ten.ms / one.ms).toFixed(2)} | ${(ten.bytes / 1024).toFixed(0)} KiB | ${ten.maxLoopDelayMs.toFixed(0)} |`
		);
	}
	return lines.join('\n');
}

if (import.meta.main) {
	const rows = await measureExport();
	console.log(exportTable(rows));
}
