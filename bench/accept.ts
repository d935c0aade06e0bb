/**
 * Accepting 500 suggestions at once (修订, issue 17): does the section stay responsive for the
 * other editors? A section of the real Lantu server holds 500 pending suggestions (250 insertions,
 * 250 deletions, one per paragraph, in the y-prosemirror layout the editor writes); ten editors
 * type into it at 2 edits a second each (the propagation benchmark's load threads); the owner
 * accepts all 500 in one transaction — insertion marks dropped, deleted words removed, the very
 * update the editor's 全部接受 sends. Reported: the editors' propagation p99 in a window with the
 * accept against the same window without it (target ≤ 2×), and how long the accept took to reach
 * another client. `node bench/accept.ts` runs it alone (`--quick`: 3 rounds instead of 5).
 */
import * as Y from 'yjs';
import { suggestionId } from '../src/lib/suggestions/ids.ts';
import { createClient } from './clients.ts';
import { measurePropagation, type PropagationResult } from './propagation.ts';
import { startTarget, type Target } from './targets.ts';

export interface AcceptBenchRow {
	suggestions: number;
	editors: number;
	rounds: number;
	/** Median over rounds of the editors' p99 without / with the accept, and their ratio. */
	normalP99: number;
	duringP99: number;
	ratio: number;
	/** Median time from the owner's accept to another client having it (ms). */
	acceptMs: number;
	lost: number;
}

const SUGGESTIONS = 500;
const EDITORS = 10;
const WINDOW_SECONDS = 6;
/** When the owner accepts, from the window's call: after the editors connected and typed a while. */
const ACCEPT_AFTER_MS = 3000;
const SENTENCE = '统筹推进数据资源整合共享和开发利用，提升跨部门业务协同水平。';

/** 500 paragraphs, each with a pending suggestion by one of three authors. */
function seed(doc: Y.Doc): void {
	const body = doc.getXmlFragment('body');
	doc.transact(() => {
		body.delete(0, body.length);
		const paragraphs: Y.XmlElement[] = [];
		for (let i = 0; i < SUGGESTIONS; i++) {
			const paragraph = new Y.XmlElement('paragraph');
			const text = new Y.XmlText();
			paragraph.insert(0, [text]);
			paragraphs.push(paragraph);
		}
		body.insert(0, paragraphs);
		paragraphs.forEach((paragraph, i) => {
			const text = paragraph.get(0) as Y.XmlText;
			const id = suggestionId({ userId: 1 + (i % 3), organizationId: 1, at: Date.now() });
			text.insert(0, SENTENCE);
			if (i % 2 === 0) text.insert(SENTENCE.length, '并建立长效机制', { insertion: { id } });
			else text.format(0, 4, { deletion: { id } });
		});
	});
}

/** 全部接受 as the editor sends it: insertion marks dropped, deleted words removed, one update. */
function acceptAll(doc: Y.Doc): void {
	doc.transact(() => {
		for (const paragraph of doc.getXmlFragment('body').toArray()) {
			if (!(paragraph instanceof Y.XmlElement)) continue;
			for (const child of paragraph.toArray()) {
				if (!(child instanceof Y.XmlText)) continue;
				const deletions: [number, number][] = [];
				let index = 0;
				for (const part of child.toDelta() as {
					insert: string;
					attributes?: Record<string, unknown>;
				}[]) {
					if (part.attributes?.insertion)
						child.format(index, part.insert.length, { insertion: null });
					if (part.attributes?.deletion) deletions.push([index, part.insert.length]);
					index += part.insert.length;
				}
				for (const [at, length] of deletions.reverse()) child.delete(at, length);
			}
		}
	});
}

function pending(doc: Y.Doc): number {
	let count = 0;
	for (const paragraph of doc.getXmlFragment('body').toArray()) {
		if (!(paragraph instanceof Y.XmlElement)) continue;
		for (const child of paragraph.toArray())
			if (child instanceof Y.XmlText)
				for (const part of child.toDelta() as { attributes?: Record<string, unknown> }[])
					if (part.attributes?.insertion || part.attributes?.deletion) count++;
	}
	return count;
}

async function until(check: () => boolean, timeoutMs = 30_000): Promise<void> {
	const start = performance.now();
	while (!check()) {
		if (performance.now() - start > timeoutMs) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 2));
	}
}

async function round(
	target: Target,
	name: string
): Promise<{
	normal: PropagationResult;
	during: PropagationResult;
	acceptMs: number;
}> {
	const owner = createClient(target, name);
	const observer = createClient(target, name);
	await Promise.all([owner.synced, observer.synced]);
	seed(owner.doc);
	await until(() => pending(observer.doc) === SUGGESTIONS);
	const load = { clients: EDITORS, sections: 1, seconds: WINDOW_SECONDS, editsPerSecond: 2 };
	const normal = await measurePropagation(target, load);
	// The same window again; the owner accepts all once the editors are typing.
	let acceptMs = NaN;
	const accepting = (async () => {
		await new Promise((r) => setTimeout(r, ACCEPT_AFTER_MS));
		const start = performance.now();
		acceptAll(owner.doc);
		await until(() => pending(observer.doc) === 0);
		acceptMs = performance.now() - start;
	})();
	const during = await measurePropagation(target, load);
	await accepting;
	owner.destroy();
	observer.destroy();
	return { normal, during, acceptMs };
}

const median = (values: number[]) => {
	const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export async function measureAccept(rounds: number): Promise<AcceptBenchRow> {
	const target = await startTarget('lantu');
	try {
		const [name] = target.documentNames(1);
		const results = [];
		for (let i = 0; i < rounds; i++) {
			const result = await round(target, name);
			results.push(result);
			console.log(
				`accept round ${i + 1}: p99 ${result.normal.p99.toFixed(1)} ms normal, ${result.during.p99.toFixed(1)} ms with the accept; accept reached another client in ${result.acceptMs.toFixed(0)} ms`
			);
		}
		const normalP99 = median(results.map((r) => r.normal.p99));
		const duringP99 = median(results.map((r) => r.during.p99));
		return {
			suggestions: SUGGESTIONS,
			editors: EDITORS,
			rounds,
			normalP99,
			duringP99,
			ratio: median(results.map((r) => r.during.p99 / r.normal.p99)),
			acceptMs: median(results.map((r) => r.acceptMs)),
			lost: results.reduce((n, r) => n + r.normal.lost + r.during.lost, 0)
		};
	} finally {
		await target.stop();
	}
}

export function acceptLine(row: AcceptBenchRow): string {
	return `Accepting ${row.suggestions} suggestions at once while ${row.editors} editors type (median of ${row.rounds} rounds): editors' propagation p99 ${row.normalP99.toFixed(1)} ms normal, ${row.duringP99.toFixed(1)} ms with the accept (×${row.ratio.toFixed(2)}, target ≤ 2×); the accept reached another client in ${row.acceptMs.toFixed(0)} ms; lost ${row.lost}`;
}

if (import.meta.main) {
	const row = await measureAccept(process.argv.includes('--quick') ? 3 : 5);
	console.log(acceptLine(row));
}
