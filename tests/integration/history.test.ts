/**
 * Section history against the real server with real providers: two editors write, the history
 * lists both with times; a past state is shown with its difference to now; "who wrote this" maps
 * the items under a passage to their authors; a restore reaches a connected reader live and is
 * itself undoable; a reader's restore is refused and changes nothing; a locked activity refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { fragmentText } from '../../src/lib/collab/section-doc.ts';
import { itemsInRange } from '../../src/lib/history/selection.ts';
import { testDatabase } from '../helpers/db.ts';
import { connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { callApi, login } from '../helpers/http.ts';
import { workflowStatus } from '../helpers/sign-off.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const cookies: Record<string, string> = {};
const DOC = 'plan/1/section/9.1';
const BASE = '/api/plans/1/sections/9.1/history';

const api = (user: string, path: string, payload?: unknown) =>
	callApi(server.url, path, cookies[user], payload);

const { query } = testDatabase(() => server);

const userId = (username: string) =>
	query<{ id: number }>('SELECT id FROM users WHERE username = ?', username).id;
const latest = () =>
	query<{ id: number }>('SELECT max(id) AS id FROM document_updates WHERE name = ?', DOC).id;

async function writeParagraph(writer: TestProvider, text: string) {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	const body = writer.doc.getXmlFragment('body');
	body.insert(body.length, [p]);
	await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
}

const body = (p: TestProvider) => fragmentText(p.doc.getXmlFragment('body'));

/** ProseMirror size of a node: an element is its open and close tokens around its children. */
function nodeSize(node: Y.XmlElement | Y.XmlText): number {
	if (node instanceof Y.XmlText) return node.length;
	return 2 + node.toArray().reduce((sum, child) => sum + nodeSize(child as Y.XmlElement), 0);
}

/** ProseMirror positions of a paragraph's text: [start, end) of the index-th top-level node. */
function paragraphRange(fragment: Y.XmlFragment, index: number): [number, number] {
	let pos = 0;
	for (let i = 0; i < index; i++) pos += nodeSize(fragment.get(i) as Y.XmlElement);
	const length = ((fragment.get(index) as Y.XmlElement).get(0) as Y.XmlText).length;
	return [pos + 1, pos + 1 + length];
}

interface AutoVersion {
	kind: string;
	upTo: number;
	authors: { userId: number; updates: number; first: number; last: number }[];
}

beforeAll(async () => {
	server = await startServer();
	for (const user of ['admin', 'dsj', 'fgw', 'reviewer', 'qiye'])
		cookies[user] = await login(server.url, user);
});
afterAll(async () => {
	await server?.stop();
});

describe('section history', () => {
	const providers: TestProvider[] = [];
	afterAll(() => providers.forEach((p) => p.destroy()));

	it('lists both writers with times, shows a past state and its diff, restores live, and undoes the restore', async () => {
		const dsj = connect(server.url, cookies.dsj, DOC);
		const fgw = connect(server.url, cookies.fgw, DOC);
		const reader = connect(server.url, cookies.admin, DOC);
		providers.push(dsj, fgw, reader);
		await eventually(() => expect(dsj.provider.authorizedScope).toBe('read-write'));
		await eventually(() => expect(fgw.provider.authorizedScope).toBe('read-write'));
		await eventually(() => expect(reader.provider.isSynced).toBe(true));
		const seeded = body(reader);

		await writeParagraph(dsj, '大数据局写的第一段。');
		const afterDsj = latest();
		await eventually(() => expect(body(fgw)).toContain('大数据局写的第一段。'));
		await writeParagraph(fgw, '发改委补充的第二段。');
		await eventually(() => expect(body(reader)).toContain('发改委补充的第二段。'));

		// The history lists both writers, with times.
		const history = await api('reviewer', BASE);
		expect(history.status).toBe(200);
		const versions = history.json.versions as AutoVersion[];
		const users = history.json.users as Record<string, { name: string }>;
		const authors = versions.flatMap((v) => (v.kind === 'auto' ? v.authors : []));
		const dsjAuthor = authors.find((a) => a.userId === userId('dsj'));
		const fgwAuthor = authors.find((a) => a.userId === userId('fgw'));
		expect(dsjAuthor?.last).toBeGreaterThan(Date.now() - 60_000);
		expect(fgwAuthor?.last).toBeGreaterThanOrEqual(dsjAuthor?.first ?? Infinity);
		expect(users[userId('dsj')].name).toBe('李晓明');
		expect(users[userId('fgw')].name).toBe('张丽华');
		expect(history.json.latest).toBe(latest());

		// "Who wrote this": the items of each paragraph map to their writer.
		const fragment = reader.doc.getXmlFragment('body');
		const count = fragment.length;
		const ask = async (index: number) => {
			const [from, to] = paragraphRange(fragment, index);
			const ranges = itemsInRange(fragment, from, to);
			const answer = await api('reviewer', `${BASE}/authors`, { ranges });
			expect(answer.status).toBe(200);
			return answer.json.authors as { userId: number; name: string; length: number }[];
		};
		expect((await ask(count - 2)).map((a) => [a.name, a.length])).toEqual([['李晓明', 10]]);
		expect((await ask(count - 1)).map((a) => a.name)).toEqual(['张丽华']);

		// A past state, read-only, with what changed since.
		const view = await api('reviewer', `${BASE}/${afterDsj}`);
		expect(view.status).toBe(200);
		const parts = view.json.parts as {
			key: string;
			status: string;
			before: string;
			diff: { op: string; text: string }[];
		}[];
		const bodyPart = parts.find((p) => p.key === 'body')!;
		expect(bodyPart.before).toContain('大数据局写的第一段。');
		expect(bodyPart.before).not.toContain('发改委');
		expect(bodyPart.status).toBe('changed');
		expect(bodyPart.diff).toContainEqual({ op: 'insert', text: '\n发改委补充的第二段。' });

		// A reader may look but not restore: 403, and nothing changes.
		const before = latest();
		const refused = await api('reviewer', `${BASE}/restore`, { upTo: afterDsj });
		expect(refused.status).toBe(403);
		expect(refused.json.code).toBe('history-forbidden');
		expect(latest()).toBe(before);
		expect(body(reader)).toContain('发改委补充的第二段。');
		const full = body(reader);

		// An editor restores; the connected reader sees it live; it is fgw's change in the log.
		const restored = await api('fgw', `${BASE}/restore`, { upTo: afterDsj });
		expect(restored.status).toBe(200);
		await eventually(() => expect(body(reader)).not.toContain('发改委补充的第二段。'));
		expect(body(reader)).toContain('大数据局写的第一段。');
		await eventually(() => expect(body(dsj)).toBe(body(reader)));
		const { after } = restored.json as { after: number; before: number };
		expect(after).toBeGreaterThan(before);
		expect(
			query<{ user_id: number }>('SELECT user_id FROM document_updates WHERE id = ?', after).user_id
		).toBe(userId('fgw'));
		const audit = query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'history.restored' AND actor_id = ?",
			userId('fgw')
		);
		expect(audit.n).toBe(1);
		const listed = (await api('dsj', BASE)).json.versions as { kind: string; upTo: number }[];
		expect(listed[0]).toMatchObject({ upTo: after });
		expect(listed.some((v) => v.kind === 'restore' && v.upTo === after)).toBe(true);
		expect(listed.some((v) => v.upTo === before)).toBe(true);

		// Restoring the state just before the restore undoes it.
		const undo = await api('dsj', `${BASE}/restore`, { upTo: before });
		expect(undo.status).toBe(200);
		// The whole text is back as it was before the restore, seeded paragraphs included.
		await eventually(() => expect(body(reader)).toBe(full));
		expect(full.startsWith(seeded)).toBe(true);
		expect(full).toContain('大数据局写的第一段。');
	});

	it('saves a named version, hides history from participants, and refuses restores while in review', async () => {
		const saved = await api('fgw', BASE, { label: '送审前' });
		expect(saved.status).toBe(201);
		expect((await api('reviewer', BASE, { label: '评审' })).status).toBe(403);
		const listed = (await api('admin', BASE)).json.versions as { kind: string; label?: string }[];
		expect(listed.find((v) => v.kind === 'named')?.label).toBe('送审前');

		expect((await api('qiye', BASE)).status).toBe(403);
		expect((await api('qiye', `${BASE}/restore`, { upTo: 1 })).status).toBe(403);

		// Move 9 (roadmap) to review through the real workflow.
		const form = async (action: string, fields: [string, string][]) => {
			return workflowStatus(server.url, cookies.admin, 'roadmap', action, fields);
		};
		expect(
			await form('policy', [
				['departments', '2'],
				['enterpriseCount', '0'],
				['residentCount', '0'],
				['approverId', ''],
				['consultationWaiver', '测试：不征求意见']
			])
		).toBe(200);
		expect(await form('submit', [['waiverReason', '演示数据，内容待补充']])).toBe(200);
		expect(
			query<{ state: string }>(
				"SELECT state FROM plan_activities WHERE plan_id = 1 AND activity = 'roadmap'"
			).state
		).toBe('review');

		const before = latest();
		const locked = await api('fgw', `${BASE}/restore`, { upTo: 1 });
		expect(locked.status).toBe(409);
		expect(locked.json.code).toBe('history-locked');
		expect(latest()).toBe(before);
		// Reading the history stays open.
		expect((await api('fgw', BASE)).status).toBe(200);
	});
});
