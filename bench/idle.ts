/**
 * Memory per idle loaded section, and whether idle sections are unloaded: the sections of the
 * benchmark plans get the demo plan's content (the demo city's real section documents), one idle
 * client opens each, and the server's own heap and RSS are compared after a full GC with none, all
 * and again none of them loaded. Hocuspocus keeps a document in memory while a connection has it
 * open and unloads it when the last one leaves (unloadImmediately, the default): the loaded count
 * must fall back to zero.
 */
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createClient } from './clients.ts';
import { startTarget, type ProbeStats } from './targets.ts';

export interface IdleResult {
	sections: number;
	/** Average stored state of one section (bytes of Yjs update). */
	stateBytes: number;
	before: ProbeStats;
	loaded: ProbeStats;
	/** With a second idle client on every section: what one more connection costs. */
	twice: ProbeStats;
	after: ProbeStats;
	/** Milliseconds from the last client leaving to no document being loaded. */
	unloadMs: number | null;
	perSection: { heapKiB: number; externalKiB: number; rssKiB: number };
	perConnectionHeapKiB: number;
}

/** Copies the demo plan's section documents onto the benchmark sections, round robin. */
function seedDemoContent(databasePath: string, names: string[]): number {
	const db = new Database(databasePath);
	const rows = db
		.prepare<[], { name: string; update: Buffer }>(
			`SELECT name, "update" FROM document_updates WHERE name LIKE 'plan/1/section/%' ORDER BY id`
		)
		.all();
	const byName = new Map<string, Uint8Array[]>();
	for (const row of rows) {
		const list = byName.get(row.name) ?? [];
		list.push(new Uint8Array(row.update));
		byName.set(row.name, list);
	}
	const states = [...byName.values()].map((updates) => {
		const doc = new Y.Doc();
		for (const update of updates) Y.applyUpdate(doc, update);
		return Y.encodeStateAsUpdate(doc);
	});
	if (states.length === 0) throw new Error('the demo plan has no section content to copy');
	const insert = db.prepare(
		`INSERT INTO document_snapshots (name, state, last_update_id, updated_at) VALUES (?, ?, 0, ?)`
	);
	let bytes = 0;
	db.transaction(() => {
		names.forEach((name, i) => {
			const state = states[i % states.length];
			bytes += state.byteLength;
			insert.run(name, Buffer.from(state), Date.now());
		});
	})();
	db.close();
	return bytes / names.length;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function measureIdle(sections: number): Promise<IdleResult> {
	const target = await startTarget('lantu');
	try {
		const names = target.documentNames(sections);
		const stateBytes = seedDemoContent(target.databasePath!, names);
		await sleep(500);
		const before = await target.probe('gc');
		const clients = names.map((name) => createClient(target, name));
		await Promise.all(clients.map((c) => c.synced));
		await sleep(1000);
		const loaded = await target.probe('gc');
		const seconds = names.map((name) => createClient(target, name));
		await Promise.all(seconds.map((c) => c.synced));
		await sleep(1000);
		const twice = await target.probe('gc');
		for (const client of [...clients, ...seconds]) client.destroy();
		const left = performance.now();
		let unloadMs: number | null = null;
		while (performance.now() - left < 10_000) {
			if ((await target.probe()).documents === 0) {
				unloadMs = performance.now() - left;
				break;
			}
			await sleep(20);
		}
		await sleep(500);
		const after = await target.probe('gc');
		const per = (key: 'heapUsedBytes' | 'externalBytes' | 'rssBytes') =>
			(loaded[key] - before[key]) / sections / 1024;
		return {
			sections,
			stateBytes,
			before,
			loaded,
			twice,
			after,
			unloadMs,
			perSection: {
				heapKiB: per('heapUsedBytes'),
				externalKiB: per('externalBytes'),
				rssKiB: per('rssBytes')
			},
			perConnectionHeapKiB: (twice.heapUsedBytes - loaded.heapUsedBytes) / sections / 1024
		};
	} finally {
		await target.stop();
	}
}

export function idleSummary(r: IdleResult): string {
	const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
	return [
		`Idle sections: ${r.sections} sections of the demo plan's content (${(r.stateBytes / 1024).toFixed(1)} KiB of Yjs state each on average), one idle client each`,
		`  loaded documents: ${r.before.documents} before → ${r.loaded.documents} while open → ${r.after.documents} after the clients left (unloaded in ${r.unloadMs === null ? 'NOT within 10 s' : `${r.unloadMs.toFixed(0)} ms`})`,
		`  heap ${mib(r.before.heapUsedBytes)} → ${mib(r.loaded.heapUsedBytes)} → ${mib(r.after.heapUsedBytes)};  RSS ${mib(r.before.rssBytes)} → ${mib(r.loaded.rssBytes)} → ${mib(r.after.rssBytes)}`,
		`  per idle loaded section (with its connection): heap ${r.perSection.heapKiB.toFixed(0)} KiB + buffers ${r.perSection.externalKiB.toFixed(0)} KiB; RSS ${r.perSection.rssKiB.toFixed(0)} KiB`,
		`  of which the connection: a second idle client on each section adds ${r.perConnectionHeapKiB.toFixed(0)} KiB of heap, so the document itself holds ~${(r.perSection.heapKiB - r.perConnectionHeapKiB).toFixed(0)} KiB`
	].join('\n');
}
