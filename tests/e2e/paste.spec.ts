import type { Page } from '@playwright/test';
import { expect, openSection, test } from './fixtures.ts';

/** Issue 11, item 9: a large paste is saved and reaches the others, or is refused at once. */
const HISTORY = '/api/plans/1/sections/8.4/history';

const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });

/** Pastes about `megabytes` MB of plain text (long lines) ending with `marker` into the body. */
async function paste(page: Page, megabytes: number, marker: string) {
	await body(page).click();
	await body(page).press('Control+End');
	await body(page).evaluate(
		(element, { megabytes, marker }) => {
			const line = '城市数字化转型规划正文段落，用来测试很大的粘贴。'.repeat(40); // ~2.9 KB
			const count = Math.ceil((megabytes * 1024 * 1024) / new TextEncoder().encode(line).length);
			const text = `${Array.from({ length: count }, () => line).join('\n')}\n${marker}`;
			const data = new DataTransfer();
			data.setData('text/plain', text);
			element.dispatchEvent(
				new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
			);
		},
		{ megabytes, marker }
	);
}

test('a 2 MB and a 5 MB paste are saved and seen by another browser; one past the section cap is refused at once', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(240_000);
	const writer = await openSection(browser, 'dsj', '8.4');
	const reader = await openSection(browser, 'dsj', '8.4');
	const seeded = await body(reader).textContent();
	const history = await writer.request.get(HISTORY, { headers: { accept: 'application/json' } });
	expect(history.status()).toBe(200);
	const before = ((await history.json()) as { latest: number }).latest;

	for (const [size, marker] of [
		[2, 'PASTE-END-2MB'],
		[5, 'PASTE-END-5MB']
	] as const) {
		await paste(writer, size, marker);
		await expect(body(writer).getByText(marker)).toBeVisible({ timeout: 60_000 });
		await expect(writer.locator('[data-status="saved"]')).toBeVisible({ timeout: 60_000 });
		await expect(body(reader).getByText(marker)).toBeVisible({ timeout: 60_000 });
	}

	// 7 MB are in; another 5 MB would pass the 10 MiB section cap: refused before anything is
	// inserted, with the reason, and the section stays saved and editable.
	await paste(writer, 5, 'PASTE-REFUSED');
	await expect(writer.locator('[data-paste-refused]')).toContainText('粘贴内容过大');
	await expect(writer.locator('[data-paste-refused]')).toContainText('MB');
	await expect(body(writer).getByText('PASTE-REFUSED')).toHaveCount(0);
	await expect(writer.locator('[data-status="saved"]')).toBeVisible();
	await body(writer).press('Control+End');
	await body(writer).pressSequentially('之后照常保存');
	await expect(writer.locator('[data-paste-refused]')).toHaveCount(0);
	await expect(writer.locator('[data-status="saved"]')).toBeVisible({ timeout: 30_000 });
	await expect(body(reader).getByText('之后照常保存')).toBeVisible({ timeout: 30_000 });

	// Leave the section as the seed wrote it for the other specs (comments.spec.ts comments on its
	// words; exports, completion): restore the history to the state before the pastes.
	const restored = await writer.request.post(`${HISTORY}/restore`, {
		headers: { origin: baseURL!, accept: 'application/json' },
		data: { upTo: before }
	});
	expect(restored.status()).toBe(200);
	await expect(body(reader).getByText('PASTE-END-2MB')).toHaveCount(0, { timeout: 60_000 });
	// The writer's own view: the reader never placed a cursor there (the reader shows the writer's).
	await expect(body(writer)).toHaveText(seeded!);
});
