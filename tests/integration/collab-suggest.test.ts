/**
 * 修订 enforced by the collaboration server (issue 17): hand-made clients that speak y-prosemirror's
 * Yjs layout directly. Another department's editor (fgw on 大数据局's 8.3) connects writable but
 * suggest-only: an edit outside suggestion marks is refused (closed with `suggestions-only`, not
 * stored, not broadcast); an insertion or deletion inside marks in their own name is accepted.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { suggestionId } from '../../src/lib/suggestions/ids.ts';
import {
	closeReasons,
	connect,
	eventually,
	firstText,
	type TestProvider
} from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { postForm } from '../helpers/http.ts';
import { serverPerFile } from '../helpers/server-per-file.ts';

const DOC = 'plan/1/section/8.3';
const { server, cookies } = serverPerFile(['admin', 'dsj', 'fgw', 'reviewer', 'leader']);
const db = testDatabase(() => server);

function user(username: string) {
	return db.query<{ id: number; organizationId: number }>(
		'SELECT id, organization_id AS organizationId FROM users WHERE username = ?',
		username
	);
}

async function synced(username: string): Promise<TestProvider> {
	const client = connect(server.url, cookies.get(username)!, DOC);
	await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000).catch((e) => {
		console.log(server.output().slice(-3000));
		throw e;
	});
	return client;
}

const storedRows = () =>
	db.query<{ n: number }>('SELECT count(*) AS n FROM document_updates WHERE name = ?', DOC).n;

describe('a suggest-only connection (修订)', { timeout: 120_000 }, () => {
	it('other departments and reviewers connect writable but suggest-only; approvers read', async () => {
		for (const name of ['fgw', 'reviewer']) {
			const client = await synced(name);
			expect(client.provider.authorizedScope).toBe('read-write');
			client.destroy();
		}
		const leader = await synced('leader');
		expect(leader.provider.authorizedScope).toBe('readonly');
		leader.destroy();
	});

	it('refuses a raw edit outside suggestion marks: not stored, not broadcast', async () => {
		const owner = await synced('dsj');
		const before = firstText(owner.doc).toString();
		const stored = storedRows();
		const attacker = await synced('fgw');
		const reasons = closeReasons(attacker);
		firstText(attacker.doc).insert(1, '越权改写');
		await eventually(() => expect(reasons).toContain('suggestionsOnly'), 10_000);
		expect(firstText(owner.doc).toString()).toBe(before);
		expect(storedRows()).toBe(stored);
		// A plain deletion is no suggestion either.
		const second = await synced('fgw');
		const again = closeReasons(second);
		firstText(second.doc).delete(0, 2);
		await eventually(() => expect(again).toContain('suggestionsOnly'), 10_000);
		expect(firstText(owner.doc).toString()).toBe(before);
		const audited = db.query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'document.update_refused' AND target = ?",
			DOC
		).n;
		expect(audited).toBeGreaterThan(0);
		attacker.destroy();
		second.destroy();
		owner.destroy();
	});

	it('refuses a change to a structured block and a suggestion in someone else’s name', async () => {
		const dsj = user('dsj');
		const cases: ((doc: Y.Doc) => void)[] = [
			(d) => d.getArray('block:systems').delete(0, 1),
			(d) =>
				firstText(d).insert(1, '冒名', {
					insertion: { id: suggestionId({ userId: dsj.id, organizationId: 1, at: Date.now() }) }
				})
		];
		for (const attack of cases) {
			const client = await synced('fgw');
			const reasons = closeReasons(client);
			attack(client.doc);
			await eventually(() => expect(reasons).toContain('suggestionsOnly'), 10_000);
			client.destroy();
		}
	});

	it('accepts an insertion and a deletion inside marks, in the author’s name', async () => {
		const fgw = user('fgw');
		const owner = await synced('dsj');
		const client = await synced('fgw');
		const reasons = closeReasons(client);
		const text = firstText(client.doc);
		const insertionId = suggestionId({
			userId: fgw.id,
			organizationId: fgw.organizationId,
			at: Date.now()
		});
		const deletionId = suggestionId({
			userId: fgw.id,
			organizationId: fgw.organizationId,
			at: Date.now()
		});
		text.insert(1, '（建议增加）', { insertion: { id: insertionId } });
		text.format(text.length - 2, 2, { deletion: { id: deletionId } });
		await eventually(() => {
			const delta = firstText(owner.doc).toDelta() as {
				insert: string;
				attributes?: Record<string, { id: string }>;
			}[];
			expect(
				delta.some(
					(d) => d.insert === '（建议增加）' && d.attributes?.insertion?.id === insertionId
				)
			).toBe(true);
			expect(delta.some((d) => d.attributes?.deletion?.id === deletionId)).toBe(true);
		}, 10_000);
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false));
		expect(reasons).toEqual([]);
		client.destroy();
		owner.destroy();
	});

	it('accepts bold as a format suggestion in the author’s name; refuses bold without it', async () => {
		const fgw = user('fgw');
		const owner = await synced('dsj');
		const client = await synced('fgw');
		const reasons = closeReasons(client);
		const id = suggestionId({ userId: fgw.id, organizationId: fgw.organizationId, at: Date.now() });
		// Words no earlier test marked (an insertion begins the paragraph, a deletion ends it).
		const at = firstText(client.doc).length - 10;
		expect(at).toBeGreaterThan(8);
		// y-prosemirror's key for a mark that may repeat: its name and an 8-character hash.
		firstText(client.doc).format(at, 3, {
			strong: {},
			'format_change--abcd1234': {
				id,
				change: { mark: 'strong', previous: null, next: { type: 'strong' } }
			}
		});
		await eventually(() => {
			const delta = firstText(owner.doc).toDelta() as {
				attributes?: Record<string, { id?: string }>;
			}[];
			expect(delta.some((d) => d.attributes?.['format_change--abcd1234']?.id === id)).toBe(true);
		}, 10_000);
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false));
		expect(reasons).toEqual([]);
		client.destroy();
		const direct = await synced('fgw');
		const refused = closeReasons(direct);
		firstText(direct.doc).format(at + 4, 2, { em: {} });
		await eventually(() => expect(refused).toContain('suggestionsOnly'), 10_000);
		direct.destroy();
		owner.destroy();
	});

	it('the owner still writes directly, and may accept (remove the marks)', async () => {
		const owner = await synced('dsj');
		const text = firstText(owner.doc);
		const delta = text.toDelta() as { insert: string; attributes?: Record<string, unknown> }[];
		let index = 0;
		for (const part of delta) {
			if (part.attributes?.insertion) text.format(index, part.insert.length, { insertion: null });
			index += part.insert.length;
		}
		text.insert(0, '直接');
		const watcher = await synced('reviewer');
		await eventually(() => expect(firstText(watcher.doc).toString()).toContain('直接'), 10_000);
		await eventually(() => expect(owner.provider.hasUnsyncedChanges).toBe(false));
		watcher.destroy();
		owner.destroy();
	});

	it('follows the plan’s 可提修订 setting at once: off, the suggester only reads', async () => {
		const client = connect(server.url, cookies.get('fgw')!, DOC, { reconnect: true });
		try {
			await eventually(() => expect(client.provider.authorizedScope).toBe('read-write'), 10_000);
			const off = await postForm(
				server.url,
				'/plans/1/manage/sections?/suggestions',
				{ open: '0' },
				cookies.get('admin')!
			);
			expect(off.status).toBe(200);
			await eventually(() => expect(client.provider.authorizedScope).toBe('readonly'), 10_000);
			const on = await postForm(
				server.url,
				'/plans/1/manage/sections?/suggestions',
				{ open: '1' },
				cookies.get('admin')!
			);
			expect(on.status).toBe(200);
			// Back on: the connection is re-decided and comes back suggest-only.
			await eventually(() => expect(client.provider.authorizedScope).toBe('read-write'), 10_000);
			await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
		} finally {
			client.destroy();
		}
	});
});
