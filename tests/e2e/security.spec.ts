/**
 * Issue 11, item 10 in the browser: the section page hydrates, syncs and edits under the strict CSP
 * (no violation reported), and a `javascript:` link written straight into Yjs by a hand-made client
 * renders as text, not as a live link.
 */
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../src/lib/editor/fragments.ts';
import { connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { expect, loginAs, serverUrl, test } from './fixtures.ts';

// 6.4 belongs to 发展改革委 (fgw); no other browser test uses it.
const CLAUSE = '6.4';
const DOC = `plan/1/section/${CLAUSE}`;

test('a javascript: link stored in Yjs is no live link, and the page runs under its CSP', async ({
	browser,
	baseURL
}) => {
	const url = serverUrl();
	const writer = connect(url, await login(url, 'fgw'), DOC);
	try {
		await eventually(() => {
			if (!writer.provider.isSynced) throw new Error('not synced');
		}, 10_000);
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText();
		text.insert(0, '点我领奖', { link: { href: 'javascript:alert(document.cookie)' } });
		text.insert(4, '，', {});
		text.insert(5, '政府网站', { link: { href: 'https://www.gov.cn/' } });
		paragraph.insert(0, [text]);
		writer.doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
		await eventually(() => {
			if (writer.provider.hasUnsyncedChanges) throw new Error('not acknowledged');
		}, 10_000);
	} finally {
		writer.destroy();
	}

	const context = await browser.newContext({ baseURL });
	await loginAs(context, 'fgw');
	const page = await context.newPage();
	const violations: string[] = [];
	await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) => {
			(window as unknown as { reportViolation(v: string): void }).reportViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			);
		});
	});
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});

	const response = await page.goto(`/plans/1/sections/${CLAUSE}`);
	const csp = response?.headers()['content-security-policy'] ?? '';
	expect(csp).toMatch(/script-src 'self' 'nonce-[^']+'/);
	expect(response?.headers()['x-content-type-options']).toBe('nosniff');

	// Hydrated and synced over the WebSocket (connect-src 'self' allows the same-origin ws:).
	await expect(page.locator('[data-status="saved"]')).toBeVisible();
	const body = page.getByRole('textbox', { name: /正文$/ });
	await expect(body).toContainText('点我领奖');

	// The hostile link renders without href; the safe one keeps its own.
	await expect(body.locator('a[href^="javascript:" i]')).toHaveCount(0);
	const hostile = body.locator('a', { hasText: '点我领奖' });
	await expect(hostile).toHaveCount(1);
	expect(await hostile.getAttribute('href')).toBeNull();
	await expect(body.locator('a', { hasText: '政府网站' })).toHaveAttribute(
		'href',
		'https://www.gov.cn/'
	);
	await hostile.click({ modifiers: ['Control'] });

	// Still editable: typing reaches the document and is saved.
	await body.click();
	await page.keyboard.press('Control+End');
	await page.keyboard.type('（已核实）');
	await expect(body).toContainText('（已核实）');
	await expect(page.locator('[data-status="saved"]')).toBeVisible();

	await page.screenshot({ path: test.info().outputPath('section-under-csp.png'), fullPage: true });
	expect(dialogs).toEqual([]);
	expect(violations).toEqual([]);
	await context.close();
});
