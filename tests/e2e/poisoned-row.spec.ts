import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import * as Y from 'yjs';
import { blockRows } from '../../src/lib/collab/section-doc.ts';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer } from '../helpers/server.ts';
import { expect, test } from './fixtures.ts';

/**
 * Issue 11, item 7: a row that is not a Y.Map, already stored (the server refuses new ones), costs
 * its block one reported row — the section page still shows its editor and its other rows. This
 * test has a server of its own, since it writes into the database while the server is down.
 */
test('a stored bad row is reported in its block and the section stays editable', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const server = await startServer();
	try {
		const DOC = 'plan/1/section/8.3';
		const cookie = await login(server.url, 'dsj');
		const reader = connect(server.url, cookie, DOC);
		await eventually(() => expect(reader.provider.isSynced).toBe(true), 10_000);
		const local = new Y.Doc();
		Y.applyUpdate(local, Y.encodeStateAsUpdate(reader.doc));
		reader.destroy();
		const rows = blockRows(local, 'systems').length;
		const vector = Y.encodeStateVector(local);
		blockRows(local, 'systems').insert(0, [new Y.Text('毒') as never]);
		const poison = Y.encodeStateAsUpdate(local, vector);
		await server.stop();
		const db = new Database(server.databasePath);
		db.prepare(
			'INSERT INTO document_updates (name, "update", user_id, at, hash) VALUES (?, ?, NULL, ?, ?)'
		).run(DOC, Buffer.from(poison), Date.now(), createHash('sha256').update(poison).digest('hex'));
		db.close();
		await server.restart();

		const context = await browser.newContext({ baseURL: server.url });
		const again = await login(server.url, 'dsj');
		const [name, value] = again.split('=');
		await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Lax' }]);
		const page = await context.newPage();
		await page.goto('/plans/1/sections/8.3');
		await expect(page.locator('[data-status="saved"]')).toBeVisible();
		await expect(page.getByRole('textbox', { name: /正文$/ })).toBeVisible();
		const block = page.locator('#block-systems');
		await expect(block.locator('[data-unreadable-rows]')).toContainText('第1行数据无法读取');
		await expect(block.locator('[id^="row-"]:not([id$="-fields"])')).toHaveCount(rows);
		// Still editable: a new row is added and saved.
		await block.getByRole('button', { name: '添加系统' }).click();
		await expect(block.locator('[id^="row-"]:not([id$="-fields"])')).toHaveCount(rows + 1);
		await expect(page.locator('[data-status="saved"]')).toBeVisible();
		await context.close();
	} finally {
		await server.stop();
	}
});
