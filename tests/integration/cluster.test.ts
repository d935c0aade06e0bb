/**
 * Three Lantu instances on one store (one SQLite file in WAL mode, shared by processes on one
 * machine; in the PostgreSQL pass one database, the same DATABASE_URL for all) and one real Redis, behind the round-robin proxy of `npm run cluster` (issue 20):
 * co-editing across instances, session and permission changes reaching every instance's sockets,
 * and an instance SIGKILLed mid-edit without losing anything acknowledged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/collab/close-codes.ts';
import { startCluster, writer, type TestCluster, type Writer } from '../helpers/cluster.ts';
import { closeReasons, connect, eventually } from '../helpers/collab.ts';
import { login, postForm } from '../helpers/http.ts';
import { storedDocument } from '../helpers/stored.ts';

let cluster: TestCluster;

beforeAll(async () => {
	cluster = await startCluster(3, { SESSION_SWEEP_SECONDS: '0.5' });
}, 120_000);
afterAll(async () => {
	await cluster?.stop();
});

const url = (i: number) => cluster.instances[i].url;

async function connections(i: number): Promise<number> {
	const response = await fetch(`${url(i)}/readyz`);
	return ((await response.json()) as { collabConnections: number }).collabConnections;
}

describe('several instances on one store and Redis', () => {
	it('reports Redis in readiness', async () => {
		const response = await fetch(`${url(0)}/readyz`);
		expect(response.status).toBe(200);
		const body = (await response.json()) as { checks: Record<string, string> };
		expect(body.checks.redis).toBe('ok');
	});

	it('lets two people on different instances co-edit one section live', async () => {
		const name = 'plan/1/section/6.4';
		const a = connect(url(0), await login(url(0), 'fgw'), name);
		const b = connect(url(1), await login(url(1), 'fgw'), name);
		try {
			await eventually(() => expect(a.provider.isSynced && b.provider.isSynced).toBe(true));
			a.doc.getText('co').insert(0, '甲');
			await eventually(() => expect(b.doc.getText('co').toString()).toBe('甲'));
			b.doc.getText('co').insert(1, '乙');
			await eventually(() => expect(a.doc.getText('co').toString()).toBe('甲乙'));
			// A third instance loading the section later gets the same state.
			const c = connect(url(2), await login(url(2), 'admin'), name);
			try {
				await eventually(() => expect(c.doc.getText('co').toString()).toBe('甲乙'));
			} finally {
				c.destroy();
			}
		} finally {
			a.destroy();
			b.destroy();
		}
	});

	it('closes the sockets a session holds on another instance when it logs out', async () => {
		const cookie = await login(url(1), 'gaj');
		const client = connect(url(1), cookie, 'plan/1/section/8.5');
		const closes: number[] = [];
		client.provider.on('close', ({ event }: { event: { code: number } }) =>
			closes.push(event.code)
		);
		try {
			await eventually(() => expect(client.provider.isSynced).toBe(true));
			const logout = await postForm(url(2), '/logout', {}, cookie);
			expect(logout.status).toBe(303);
			await eventually(() => expect(closes).toContain(CLOSE_CODES.sessionEnded.code));
		} finally {
			client.destroy();
		}
	});

	it('re-decides a live socket on another instance when a permission changes', async () => {
		const editor = connect(url(0), await login(url(0), 'dsj'), 'plan/1/section/8.3', {
			reconnect: true
		});
		const reasons = closeReasons(editor);
		try {
			await eventually(() => expect(editor.provider.authorizedScope).toBe('read-write'));
			// 大数据局 (organization 1) loses 8.3, decided on instance 3.
			const response = await postForm(
				url(2),
				'/plans/1/manage/sections?/unassign',
				{ clause: '8.3', organizationId: '1' },
				await login(url(2), 'admin')
			);
			expect(response.status).toBe(200);
			await eventually(() => expect(reasons).toContain('authorizationChanged'));
		} finally {
			editor.destroy();
		}
	});

	it('loses no acknowledged edit when an instance is SIGKILLed mid-edit; its clients move and all converge', async () => {
		const sections = ['plan/1/section/6.1', 'plan/1/section/6.2', 'plan/1/section/8.7'];
		const writers: Writer[] = [];
		for (let k = 0; k < 9; k++) {
			const cookie = await login(cluster.url, 'fgw');
			writers.push(writer(connect(cluster.url, cookie, sections[k % 3], { reconnect: true }), k));
		}
		try {
			await eventually(() => expect(writers.every((w) => w.client.provider.isSynced)).toBe(true));
			// The proxy spread them: every instance holds some (round robin, 3 each).
			for (let i = 0; i < 3; i++) expect(await connections(i)).toBeGreaterThan(0);
			const victim = cluster.instances[1];
			const onVictim = await connections(1);

			const editing = writers.map((w) => w.editEvery(40));
			await new Promise((r) => setTimeout(r, 1500));
			const ackedAtKill = writers.map((w) => w.acknowledged);
			await victim.stop('SIGKILL');
			// The victim's clients notice, reconnect through the proxy to another instance and sync.
			await eventually(
				() =>
					expect(
						writers.filter((w) => w.closes > 0 && w.client.provider.isSynced).length
					).toBeGreaterThanOrEqual(onVictim),
				5000
			);
			await new Promise((r) => setTimeout(r, 1500)); // steady edits continue elsewhere
			for (const stop of editing) stop();
			await eventually(
				() => expect(writers.every((w) => !w.client.provider.hasUnsyncedChanges)).toBe(true),
				10_000
			);

			for (const [k, w] of writers.entries()) {
				const final = w.text();
				// Nothing acknowledged before the kill is missing now, and the writer holds all it wrote.
				expect(final.startsWith(ackedAtKill[k])).toBe(true);
				expect(final).toBe(w.written);
				// Stored: the database holds everything each writer was told was saved.
				const stored = storedDocument(cluster.instances[0], sections[k % 3])
					.getText(`w${k}`)
					.toString();
				expect(stored).toBe(final);
			}
			// Every instance still up serves the same state as the writers hold (converged).
			for (const i of [0, 2]) {
				for (const [s, name] of sections.entries()) {
					const reader = connect(url(i), await login(url(i), 'admin'), name);
					try {
						await eventually(() => expect(reader.provider.isSynced).toBe(true));
						for (const [k, w] of writers.entries()) {
							if (k % 3 !== s) continue;
							await eventually(() =>
								expect(reader.doc.getText(`w${k}`).toString()).toBe(w.written)
							);
						}
					} finally {
						reader.destroy();
					}
				}
			}
		} finally {
			for (const w of writers) w.client.destroy();
		}
	});
});
