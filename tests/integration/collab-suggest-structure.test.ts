/**
 * Structural 修订 enforced by the collaboration server (issue 17): hand-made clients that write
 * y-prosemirror's Yjs layout directly. Another department's editor (fgw on 大数据局's 8.3) may
 * wrap a paragraph into a list, add a picture or a table as a structural suggestion in their own
 * name (the node's `suggestion` attribute, src/lib/suggestions/structure.ts); the same change in
 * someone else's name, or made directly, is refused (closed with `suggestions-only`, not stored),
 * as is nesting a list item (a list level has no suggestion).
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

/** Appends a one-cell table to the body. */
function addTable(doc: Y.Doc, suggestion: string | null): void {
	const table = new Y.XmlElement('table');
	if (suggestion) table.setAttribute('suggestion', suggestion);
	const row = new Y.XmlElement('table_row');
	const cell = new Y.XmlElement('table_cell');
	const paragraph = new Y.XmlElement('paragraph');
	const text = new Y.XmlText();
	text.insert(0, '试点区县');
	paragraph.insert(0, [text]);
	cell.insert(0, [paragraph]);
	row.insert(0, [cell]);
	table.insert(0, [row]);
	const body = doc.getXmlFragment('body');
	body.insert(body.length, [table]);
}

/** A bullet list of plain items, as y-prosemirror writes one. */
function bulletList(...items: string[]): Y.XmlElement {
	const list = new Y.XmlElement('bullet_list');
	list.insert(
		0,
		items.map((words) => {
			const item = new Y.XmlElement('list_item');
			const paragraph = new Y.XmlElement('paragraph');
			const text = new Y.XmlText();
			text.insert(0, words);
			paragraph.insert(0, [text]);
			item.insert(0, [paragraph]);
			return item;
		})
	);
	return list;
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
			(d) => addPicture(d, `delete ${idOf('fgw')}`),
			(d) => addTable(d, `insert ${dsj}`),
			(d) => addTable(d, null)
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

	it('accepts a table as a suggestion in the author’s name', async () => {
		const owner = await synced('dsj');
		const client = await synced('fgw');
		const reasons = closeReasons(client);
		const table = `insert ${idOf('fgw')}`;
		addTable(client.doc, table);
		await eventually(() => {
			const children = owner.doc.getXmlFragment('body').toArray() as Y.XmlElement[];
			expect(children.at(-1)?.getAttribute('suggestion')).toBe(table);
		}, 10_000);
		await eventually(() => expect(client.provider.hasUnsyncedChanges).toBe(false));
		expect(reasons).toEqual([]);
		client.destroy();
		owner.destroy();
	});

	it('refuses nesting a list item (Tab) from a suggest-only connection', async () => {
		// The owner writes a two-item list directly.
		const owner = await synced('dsj');
		const body = owner.doc.getXmlFragment('body');
		owner.doc.transact(() => body.insert(body.length, [bulletList('统一身份认证', '电子证照')]));
		await eventually(() => expect(owner.provider.hasUnsyncedChanges).toBe(false));
		const before = storedRows();
		const client = await synced('fgw');
		const reasons = closeReasons(client);
		// The second item moved into a list inside the first, as sinkListItem does.
		client.doc.transact(() => {
			const list = client.doc.getXmlFragment('body').toArray().at(-1) as Y.XmlElement;
			const first = list.get(0) as Y.XmlElement;
			list.delete(1, 1);
			first.insert(1, [bulletList('电子证照')]);
		});
		await eventually(() => expect(reasons).toContain('suggestionsOnly'), 10_000);
		client.destroy();
		expect(storedRows()).toBe(before);
		owner.destroy();
	});
});
