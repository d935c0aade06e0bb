/**
 * Structural 修订 enforced by the collaboration server (issue 17): hand-made clients that write
 * y-prosemirror's Yjs layout directly. Another department's editor (fgw on 大数据局's 8.3) may
 * wrap a paragraph into a list or add a picture as a structural suggestion in their own name
 * (the node's `suggestion` attribute, src/lib/suggestions/structure.ts); the same change in
 * someone else's name, or made directly, is refused (closed with `suggestions-only`, not stored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodeOf } from '../../src/lib/collab/close-codes.ts';
import { suggestionId } from '../../src/lib/suggestions/ids.ts';
import { connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const DOC = 'plan/1/section/8.3';
let server: TestServer;
const cookies = new Map<string, string>();
const db = testDatabase(() => server);

beforeAll(async () => {
	server = await startServer();
	for (const name of ['dsj', 'fgw']) cookies.set(name, await login(server.url, name));
});
afterAll(async () => {
	await server?.stop();
});

function idOf(username: string): string {
	const user = db.query<{ id: number; organizationId: number }>(
		'SELECT id, organization_id AS organizationId FROM users WHERE username = ?',
		username
	);
	return suggestionId({ userId: user.id, organizationId: user.organizationId, at: Date.now() });
}

async function synced(username: string): Promise<TestProvider> {
	const client = connect(server.url, cookies.get(username)!, DOC);
	await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
	return client;
}

function closeReasons(client: TestProvider): string[] {
	const reasons: string[] = [];
	client.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
		const name = closeCodeOf(event);
		if (name) reasons.push(name);
	});
	return reasons;
}

/** The body's first top-level paragraph with text, and its index. */
function firstParagraph(doc: Y.Doc): { index: number; element: Y.XmlElement } {
	const body = doc.getXmlFragment('body');
	const index = body
		.toArray()
		.findIndex(
			(child) => child instanceof Y.XmlElement && child.nodeName === 'paragraph' && child.length > 0
		);
	if (index < 0) throw new Error('the demo 8.3 body has no paragraph');
	return { index, element: body.get(index) as Y.XmlElement };
}

/** Replaces the first paragraph with a bullet list holding it, as the editor's suggested wrap does. */
function wrapFirstParagraph(doc: Y.Doc, suggestion: string | null): void {
	const { index, element } = firstParagraph(doc);
	const delta = (element.get(0) as Y.XmlText).toDelta();
	doc.transact(() => {
		const body = doc.getXmlFragment('body');
		const list = new Y.XmlElement('bullet_list');
		if (suggestion) list.setAttribute('suggestion', suggestion);
		const item = new Y.XmlElement('list_item');
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		text.applyDelta(delta);
		paragraph.insert(0, [text]);
		item.insert(0, [paragraph]);
		list.insert(0, [item]);
		body.delete(index, 1);
		body.insert(index, [list]);
	});
}

/** Appends a picture (a figure node) to the body. */
function addPicture(doc: Y.Doc, suggestion: string | null): void {
	const figure = new Y.XmlElement('figure');
	figure.setAttribute('id', 'fig-suggested');
	figure.setAttribute('src', 'a'.repeat(64));
	figure.setAttribute('caption', '建议补充的架构图');
	if (suggestion) figure.setAttribute('suggestion', suggestion);
	const body = doc.getXmlFragment('body');
	body.insert(body.length, [figure]);
}

const storedRows = () =>
	db.query<{ n: number }>('SELECT count(*) AS n FROM document_updates WHERE name = ?', DOC).n;

describe('structural suggestions from a suggest-only connection', { timeout: 120_000 }, () => {
	it('refuses a list wrap or a picture in someone else’s name, or made directly', async () => {
		const dsj = idOf('dsj');
		const attacks: ((doc: Y.Doc) => void)[] = [
			(d) => wrapFirstParagraph(d, `wrap ${dsj}`),
			(d) => wrapFirstParagraph(d, null),
			(d) => addPicture(d, `insert ${dsj}`),
			(d) => addPicture(d, null),
			// A picture claimed as "suggested for deletion" is no insertion: rejecting keeps it.
			(d) => addPicture(d, `delete ${idOf('fgw')}`)
		];
		for (const attack of attacks) {
			const before = storedRows();
			const client = await synced('fgw');
			const reasons = closeReasons(client);
			attack(client.doc);
			await eventually(() => expect(reasons).toContain('suggestionsOnly'), 10_000);
			client.destroy();
			expect(storedRows()).toBe(before);
		}
	});

	it('accepts a list wrap and a picture as suggestions in the author’s name', async () => {
		const owner = await synced('dsj');
		const client = await synced('fgw');
		const reasons = closeReasons(client);
		const wrap = `wrap ${idOf('fgw')}`;
		const picture = `insert ${idOf('fgw')}`;
		wrapFirstParagraph(client.doc, wrap);
		addPicture(client.doc, picture);
		await eventually(() => {
			const children = owner.doc.getXmlFragment('body').toArray() as Y.XmlElement[];
			expect(children.some((c) => c.getAttribute('suggestion') === wrap)).toBe(true);
			expect(children.at(-1)?.getAttribute('suggestion')).toBe(picture);
		}, 10_000);
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false));
		expect(reasons).toEqual([]);
		client.destroy();
		owner.destroy();
	});
});
