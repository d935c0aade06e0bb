import type { Page } from '@playwright/test';
import { pngImage, svgImage } from '../../src/lib/server/images/fixtures.ts';
import { expect, loginAs, openSection, test } from './fixtures.ts';

/**
 * Issue 16: an image pasted into a section reaches a second browser with its caption and number;
 * a cross-reference shows that number; an SVG is refused at once with a message; someone who
 * reads no draft gets 403 for the image's address.
 */

const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });

/** Pastes a file into the body, as the system clipboard hands over a copied picture. */
async function pasteFile(page: Page, bytes: Buffer, type: string, name: string) {
	await body(page).click();
	await body(page).press('Control+End');
	await body(page).evaluate(
		(element, { data, type, name }) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(data)], name, { type }));
			element.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true })
			);
		},
		{ data: [...bytes], type, name }
	);
}

test('a pasted image is seen by a second browser, numbered, captioned and referable; others get 403', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	const writer = await openSection(browser, 'dsj', '8.6'); // 大数据局 writes 8.6
	const reader = await openSection(browser, 'fgw', '8.6'); // 发改委 reads it
	const caption = `系统部署示意${Date.now()}`;
	// A colour of its own, so this run's image is a new one.
	const png = pngImage(160, 90, [Date.now() % 256, 120, 40]);

	await body(writer).click();
	await body(writer).press('Control+End');
	await body(writer).press('Enter');
	await body(writer).pressSequentially('部署情况如下');
	await pasteFile(writer, png, 'image/png', 'screenshot.png');
	const figure = body(writer).locator('figure.figure').last();
	await expect(figure.locator('img')).toBeVisible();
	await expect
		.poll(() => figure.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth))
		.toBe(160);
	await figure.getByRole('textbox', { name: /图题/ }).fill(caption);
	await figure.getByRole('textbox', { name: /替代文字/ }).fill('部署节点与网络分区');
	await figure.getByRole('combobox', { name: /图片宽度/ }).selectOption('50');
	const label = (await figure.locator('.figure-number').textContent()) ?? '';
	// Numbered as the plan's export numbers it: chapter 8 is 第三章, after the diagrams of 8.1, 8.3
	// and 8.4 (images and diagrams share one sequence).
	expect(label).toMatch(/^图 3-\d+$/);
	expect(Number(label.split('-')[1])).toBeGreaterThanOrEqual(4);

	// A cross-reference to it, written in the paragraph before it, shows its number.
	await body(writer).locator('p', { hasText: '部署情况如下' }).last().click();
	await body(writer).press('End');
	await body(writer).pressSequentially('（见');
	await writer
		.getByRole('combobox', { name: '引用图…' })
		.first()
		.selectOption({ label: `${label} ${caption}` });
	await expect(body(writer).locator('.figure-ref').last()).toHaveText(label);
	await expect(body(writer).locator('figure.figure img[alt="部署节点与网络分区"]')).toBeVisible();
	await expect(writer.locator('[data-status="saved"]')).toBeVisible();

	// The second browser sees the picture, its caption, number and width, and the reference.
	const seen = body(reader).locator('figure.figure', {
		has: reader.locator(`img[alt="部署节点与网络分区"]`)
	});
	await expect(seen).toBeVisible();
	await expect(seen.getByRole('textbox', { name: /图题/ })).toHaveValue(caption);
	await expect(seen.locator('.figure-number')).toHaveText(label);
	await expect
		.poll(() => seen.locator('img').evaluate((img) => (img as HTMLImageElement).naturalWidth))
		.toBe(160);
	await expect(seen.locator('img')).toHaveAttribute('style', /width: 50%/);
	await expect(body(reader).locator('.figure-ref').last()).toHaveText(label);

	// The image's address: a resident reads no draft and this image is in no frozen version.
	const src = (await seen.locator('img').getAttribute('src')) ?? '';
	expect(src).toMatch(/^\/api\/plans\/1\/images\/[0-9a-f]{64}$/);
	const resident = await browser.newContext({ baseURL });
	await loginAs(resident, 'jumin');
	expect((await resident.request.get(src)).status()).toBe(403);
	expect((await reader.request.get(src)).status()).toBe(200);
	await resident.close();

	// An SVG is refused with a message, and nothing is inserted.
	const figures = await body(writer).locator('figure.figure').count();
	await pasteFile(writer, svgImage(), 'image/svg+xml', 'diagram.svg');
	await expect(writer.locator('[data-image-refused]')).toContainText('SVG');
	expect(await body(writer).locator('figure.figure').count()).toBe(figures);

	await writer.context().close();
	await reader.context().close();
});

test('images are inserted by the toolbar button and by dropping a file', async ({ browser }) => {
	test.setTimeout(120_000);
	const writer = await openSection(browser, 'dsj', '8.6');
	const figures = body(writer).locator('figure.figure');
	// Count once the stored section is drawn (8.6 holds written text), not before.
	await expect(body(writer)).toContainText(/\S/);
	const before = await figures.count();

	// The toolbar's 插入图片 opens a file chooser.
	await body(writer).click();
	await body(writer).press('Control+End');
	const chooser = writer.waitForEvent('filechooser');
	await writer
		.getByRole('button', { name: /^插入图片/ })
		.first()
		.click();
	await (
		await chooser
	).setFiles({
		name: 'chart.png',
		mimeType: 'image/png',
		buffer: pngImage(64, 64, [Date.now() % 256, 10, 200])
	});
	await expect(figures).toHaveCount(before + 1);

	// A file dropped on the text.
	await body(writer).evaluate(
		(element, data) => {
			const transfer = new DataTransfer();
			transfer.items.add(new File([new Uint8Array(data)], 'map.png', { type: 'image/png' }));
			const box = element.getBoundingClientRect();
			element.dispatchEvent(
				new DragEvent('drop', {
					dataTransfer: transfer,
					bubbles: true,
					cancelable: true,
					clientX: box.left + 10,
					clientY: box.top + 10
				})
			);
		},
		[...pngImage(32, 48, [Date.now() % 256, 200, 10])]
	);
	await expect(figures).toHaveCount(before + 2);
	await expect(writer.locator('[data-status="saved"]')).toBeVisible();
	for (const img of await figures.locator('img').all())
		await expect
			.poll(() => img.evaluate((i) => (i as HTMLImageElement).naturalWidth))
			.toBeGreaterThan(0);
	await writer.context().close();
});
