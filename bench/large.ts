/**
 * Large sections: time to first sync of a ~5 MB section loaded from disk, and propagation latency
 * while clients edit a 5 MB section that is being persisted — with an HTTP prober measuring how long
 * the server's event loop is blocked (a request answered late was waiting behind other work).
 */
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createClient } from './clients.ts';
import { measurePropagation, percentile, type PropagationResult } from './propagation.ts';
import { startTarget, type Target, type TargetName } from './targets.ts';

/** A section of about `bytes` of Chinese prose, typed as many small insertions like real editing. */
export function bigState(bytes: number): Uint8Array {
	const doc = new Y.Doc();
	const text = doc.getText('big');
	const sentence = '示例市依托城市大脑统筹推进数据共享与业务协同，提升城市治理现代化水平。'; // ~100 bytes
	let size = 0;
	while (size < bytes) {
		doc.transact(() => {
			for (let i = 0; i < 200; i++) text.insert(text.length, sentence);
		});
		size = Y.encodeStateAsUpdate(doc).byteLength;
	}
	return Y.encodeStateAsUpdate(doc);
}

async function probe<T>(httpUrl: string, run: () => Promise<T>) {
	const delays: number[] = [];
	let stop = false;
	const loop = (async () => {
		while (!stop) {
			const started = performance.now();
			await fetch(httpUrl)
				.then((r) => r.arrayBuffer())
				.catch(() => undefined);
			delays.push(performance.now() - started);
			await new Promise((r) => setTimeout(r, 25));
		}
	})();
	const result = await run();
	stop = true;
	await loop;
	delays.sort((a, b) => a - b);
	return { result, probeP99: percentile(delays, 99), probeMax: delays[delays.length - 1] ?? NaN };
}

export interface LargeResult {
	target: TargetName;
	bytes: number;
	firstSyncMs?: number[];
	editing: PropagationResult;
	probeP99: number;
	probeMax: number;
}

async function seedLantu(target: Target, state: Uint8Array, databasePath: string): Promise<string> {
	const [name] = target.documentNames(1);
	const db = new Database(databasePath);
	db.prepare(
		`INSERT INTO document_snapshots (name, state, last_update_id, updated_at) VALUES (?, ?, 0, ?)`
	).run(name, Buffer.from(state), Date.now());
	db.close();
	return name;
}

export async function measureLarge(
	name: TargetName,
	bytes: number,
	seconds: number
): Promise<LargeResult> {
	const state = bigState(bytes);
	const target = await startTarget(name);
	try {
		let documentName = 'bench/big';
		let keeper: ReturnType<typeof createClient> | undefined;
		let firstSyncMs: number[] | undefined;
		if (name === 'lantu' && target.databasePath) {
			documentName = await seedLantu(target, state, target.databasePath);
			firstSyncMs = [];
			for (let i = 0; i < 3; i++) {
				const started = performance.now();
				const client = createClient(target, documentName);
				await client.synced;
				firstSyncMs.push(performance.now() - started);
				client.destroy();
				// Let the server unload the section so the next sync loads it from disk again.
				await new Promise((r) => setTimeout(r, 1500));
			}
		} else {
			// In-memory baselines: one client brings the content and stays, keeping it loaded.
			keeper = createClient(target, documentName);
			Y.applyUpdate(keeper.doc, state);
			await keeper.synced;
			await new Promise((r) => setTimeout(r, 1000));
		}
		const one: Target = { ...target, documentNames: () => [documentName] };
		const { result, probeP99, probeMax } = await probe(target.httpUrl, () =>
			measurePropagation(one, { clients: 20, sections: 1, seconds, editsPerSecond: 2 })
		);
		keeper?.destroy();
		return {
			target: name,
			bytes: state.byteLength,
			firstSyncMs,
			editing: result,
			probeP99,
			probeMax
		};
	} finally {
		await target.stop();
	}
}
