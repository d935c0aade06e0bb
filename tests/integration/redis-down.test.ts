/**
 * Redis dies while two instances serve co-editors (issue 20, docs/DEPLOY.md "When Redis is away"):
 * each instance keeps serving its own clients — edits stored and acknowledged, sections opened,
 * readiness 503 so a balancer drains it while liveness stays 200, one clear log line, what other
 * instances store and permission changes taken from the database every 2 s — and when
 * Redis is back every instance resubscribes and all documents converge, with nothing acknowledged
 * lost and no process ended; logouts made meanwhile reach the other instances' sockets when it is
 * back; an instance stopped meanwhile drains and exits as usual.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES, closeCodeOf } from '../../src/lib/collab/close-codes.ts';
import { startCluster, writer, type TestCluster, type Writer } from '../helpers/cluster.ts';
import { connect, eventually } from '../helpers/collab.ts';
import { login, postForm } from '../helpers/http.ts';
import { storedDocument } from '../helpers/stored.ts';

let cluster: TestCluster;

beforeAll(async () => {
	cluster = await startCluster(2);
}, 120_000);
afterAll(async () => {
	await cluster?.stop();
});

const url = (i: number) => cluster.instances[i].url;

async function readiness(i: number) {
	const response = await fetch(`${url(i)}/readyz`);
	const body = (await response.json()) as { checks: Record<string, string> };
	return { status: response.status, redis: body.checks.redis };
}

async function alive(i: number) {
	const pid = cluster.instances[i].pid();
	expect(pid).toBeDefined();
	expect(() => process.kill(pid as number, 0)).not.toThrow();
	expect((await fetch(`${url(i)}/healthz`)).status).toBe(200);
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Redis goes away while instances serve editors', () => {
	it('keeps each instance serving, drains readiness, and converges when Redis is back', async () => {
		const sections = ['plan/1/section/6.1', 'plan/1/section/6.2'];
		const writers: Writer[] = [];
		// Two writers per section, one on each instance, held there (no proxy): they meet only
		// through Redis.
		for (let k = 0; k < 4; k++) {
			const i = k % 2;
			const cookie = await login(url(i), 'fgw');
			writers.push(writer(connect(url(i), cookie, sections[k >> 1], { reconnect: true }), k));
		}
		const late: ReturnType<typeof connect>[] = [];
		try {
			await eventually(() => expect(writers.every((w) => w.client.provider.isSynced)).toBe(true));
			const editing = writers.map((w) => w.editEvery(50));
			// Live across instances before the failure.
			await eventually(() => {
				for (const [k, w] of writers.entries()) {
					const peer = writers[k ^ 1];
					expect(peer.client.doc.getText(`w${k}`).length).toBeGreaterThan(0);
					expect(w.text().length).toBeGreaterThan(0);
				}
			});

			await cluster.redis.kill();
			const ackedAtKill = writers.map((w) => w.acknowledged);

			// Not ready (a balancer drains it), still alive, and it says why in its log.
			for (const i of [0, 1]) {
				await eventually(async () =>
					expect(await readiness(i)).toEqual({ status: 503, redis: 'fail' })
				);
				await alive(i);
			}
			for (const i of [0, 1]) {
				await eventually(() =>
					expect(cluster.instances[i].output()).toContain('redis unreachable')
				);
			}
			// Each instance goes on storing and acknowledging its own clients' edits.
			await eventually(() => {
				for (const [k, w] of writers.entries()) {
					expect(w.acknowledged.length).toBeGreaterThan(ackedAtKill[k].length);
				}
			}, 10_000);
			// ... and takes in what the other stored: co-editors still see each other, seconds late.
			const storedSoFar = writers.map((w) => w.acknowledged);
			await eventually(() => {
				for (const [k] of writers.entries()) {
					const seen = writers[k ^ 1].client.doc.getText(`w${k}`).toString();
					expect(seen.length).toBeGreaterThanOrEqual(storedSoFar[k].length);
				}
			}, 10_000);
			// A section nobody had open loads, takes an edit and acknowledges it; another instance
			// opening it meanwhile gets it from the store.
			const opener = connect(url(0), await login(url(0), 'fgw'), 'plan/1/section/8.7');
			late.push(opener);
			await eventually(() => expect(opener.provider.isSynced).toBe(true), 10_000);
			opener.doc.getText('late').insert(0, '断线时写入');
			await eventually(() => expect(opener.provider.hasUnsyncedChanges).toBe(false), 10_000);
			const reader = connect(url(1), await login(url(1), 'admin'), 'plan/1/section/8.7');
			late.push(reader);
			await eventually(
				() => expect(reader.doc.getText('late').toString()).toBe('断线时写入'),
				10_000
			);
			await pause(1000); // steady edits continue on both sides of the split

			await cluster.redis.restart();
			for (const i of [0, 1]) {
				await eventually(
					async () => expect(await readiness(i)).toEqual({ status: 200, redis: 'ok' }),
					15_000
				);
				expect(cluster.instances[i].output()).toContain('redis reachable again');
			}
			await pause(1000); // and after it
			for (const stop of editing) stop();
			await eventually(
				() => expect(writers.every((w) => !w.client.provider.hasUnsyncedChanges)).toBe(true),
				10_000
			);

			for (const [k, w] of writers.entries()) {
				// Everything this writer was told was saved is still there, and all it wrote.
				expect(w.text().startsWith(ackedAtKill[k])).toBe(true);
				expect(w.text()).toBe(w.written);
				// The other instance's client of the same section holds it too: converged.
				await eventually(
					() => expect(writers[k ^ 1].client.doc.getText(`w${k}`).toString()).toBe(w.written),
					10_000
				);
				const stored = storedDocument(cluster.instances[0], sections[k >> 1]);
				expect(stored.getText(`w${k}`).toString()).toBe(w.written);
			}
			// Live fan-out works again: an edit on one instance reaches the other.
			writers[0].client.doc.getText('after').insert(0, '恢复');
			await eventually(() =>
				expect(writers[1].client.doc.getText('after').toString()).toBe('恢复')
			);
			for (const i of [0, 1]) await alive(i);
		} finally {
			for (const w of writers) w.client.destroy();
			for (const c of late) c.destroy();
		}
	});

	it('applies a permission change made during the outage at once, a logout once Redis is back', async () => {
		const editor = connect(url(1), await login(url(1), 'dsj'), 'plan/1/section/8.3', {
			reconnect: true
		});
		const gaj = await login(url(1), 'gaj');
		const reader = connect(url(1), gaj, 'plan/1/section/8.5');
		const reasons: string[] = [];
		editor.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
			const name = closeCodeOf(event);
			if (name) reasons.push(name);
		});
		const readerCloses: number[] = [];
		reader.provider.on('close', ({ event }: { event: { code: number } }) =>
			readerCloses.push(event.code)
		);
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			await eventually(() => expect(reader.provider.isSynced).toBe(true));
			await cluster.redis.kill();
			await eventually(async () => expect((await readiness(0)).status).toBe(503));
			// Decided on instance 1's neighbour while no message can cross.
			const unassign = await postForm(
				url(0),
				'/plans/1/manage/sections?/unassign',
				{ clause: '8.3', organizationId: '1' },
				await login(url(0), 'admin')
			);
			expect(unassign.status).toBe(200);
			// Re-decided from the database while no message can come.
			await eventually(() => expect(reasons).toContain('authorizationChanged'), 15_000);
			expect((await postForm(url(0), '/logout', {}, gaj)).status).toBe(303);

			await cluster.redis.restart();
			await eventually(() => expect(readerCloses).toContain(CLOSE_CODES.sessionEnded.code), 15_000);
		} finally {
			editor.destroy();
			reader.destroy();
		}
	});

	it('drains and exits cleanly on SIGTERM while Redis is down, its edits stored', async () => {
		const name = 'plan/1/section/6.2';
		const client = connect(url(1), await login(url(1), 'fgw'), name);
		try {
			await eventually(() => expect(client.provider.isSynced).toBe(true));
			await cluster.redis.kill();
			await eventually(async () => expect((await readiness(1)).status).toBe(503));
			client.doc.getText('drain').insert(0, '停机前写入');
			await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false), 10_000);
			// A rolling restart during the outage: nothing waits for Redis to say goodbye.
			expect(await cluster.instances[1].stop('SIGTERM')).toEqual({ code: 0, signal: null });
			expect(storedDocument(cluster.instances[0], name).getText('drain').toString()).toBe(
				'停机前写入'
			);
			await alive(0);
		} finally {
			client.destroy();
		}
	});
});
