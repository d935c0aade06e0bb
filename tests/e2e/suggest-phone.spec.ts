/**
 * 修订 on a phone (390 × 844): the section page fits the screen's width, the toolbar's tools and
 * the owner's 修订 switch are there and big enough to tap (40 px), a refused change is said right
 * under the editor (the 修订 list is below the whole section on a phone), with its own words for
 * Enter in an empty list item and Backspace at an item's start, and the list can be reached from
 * the top of the page and decided with buttons big enough to tap.
 * It runs on one of 大数据局's (dsj) sections of plan 9, which no other spec changes; each repeat of a
 * run (`--repeat-each`) takes another, so repeats side by side never write into the same section.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openSection, sectionBody, suggestionsPanel, test } from './fixtures.ts';

const PHONE = { width: 390, height: 844 };
const SECTIONS = ['7.2', '7.4', '8.2'];
const section = () => SECTIONS[test.info().repeatEachIndex % SECTIONS.length];
const body = sectionBody;
const panel = suggestionsPanel;
const region = (page: Page) => page.getByRole('region', { name: '正文' });

/** The page scrolls sideways by this many pixels (0: it fits the screen). */
const sideways = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Every one of `controls` is shown and at least 40 px high and wide, as a finger needs. */
async function tappable(controls: Locator) {
	const count = await controls.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) {
		await expect(controls.nth(i)).toBeVisible();
		const box = (await controls.nth(i).boundingBox())!;
		expect(box.height, `control ${i} height`).toBeGreaterThanOrEqual(40);
		expect(box.width, `control ${i} width`).toBeGreaterThanOrEqual(40);
	}
}

/** Puts the caret at the start of the paragraph holding `words` (or in the empty one `words` ''). */
async function caretAt(editor: Locator, words: string) {
	await editor.evaluate((element, words) => {
		// Its words without the colleagues' cursor labels drawn into it.
		const text = (p: Element) => {
			const copy = p.cloneNode(true) as Element;
			copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
			return (copy.textContent ?? '').replace(/[\u200B\u2060]/g, '');
		};
		const paragraph = [...element.querySelectorAll('li > p')].find((p) =>
			words ? text(p).includes(words) : !text(p)
		);
		if (!paragraph) throw new Error(`no list paragraph ${words}`);
		const range = document.createRange();
		range.setStart(paragraph, 0);
		range.collapse(true);
		window.getSelection()!.removeAllRanges();
		window.getSelection()!.addRange(range);
	}, words);
}

test('修订 on a phone: fits, tools big enough, refusals said under the editor, the list within reach', async ({
	browser
}) => {
	test.setTimeout(120_000);
	const owner = await openSection(browser, 'dsj', section(), { plan: 9, viewport: PHONE });
	const expert = await openSection(browser, 'expert', section(), { plan: 9, viewport: PHONE });

	for (const page of [owner, expert]) {
		expect(await sideways(page)).toBe(0);
		await tappable(region(page).getByRole('toolbar').getByRole('button'));
	}
	// The owner switches 修订 in the toolbar; the expert's toolbar says it suggests.
	const toggle = region(owner).locator('[data-suggest-switch]');
	await expect(toggle).toHaveAttribute('aria-pressed', 'false');
	const chip = region(expert).locator('[data-suggesting]');
	await chip.scrollIntoViewIfNeeded();
	await expect(chip).toBeInViewport({ ratio: 1 });

	// The owner writes a list directly, ending in an empty item.
	const first = `甲项${Date.now() % 100000}`;
	const second = `乙项${Date.now() % 100000}`;
	await body(owner).click();
	await owner.keyboard.press('Control+End');
	// Out of any list an earlier run left at the end (Enter in its empty item lifts it out).
	await owner.keyboard.press('Enter');
	await owner.keyboard.press('Enter');
	await owner.keyboard.type(`- ${first}`);
	await owner.keyboard.press('Enter');
	await owner.keyboard.type(second);
	await owner.keyboard.press('Enter');
	await expect(body(expert).locator('li', { hasText: second })).toHaveCount(1);
	const list = body(expert).locator('ul', { has: expert.locator('li', { hasText: first }) });
	await expect(list.locator(':scope > li')).toHaveCount(3);

	// Enter in the empty item and Backspace at the second item's start: no suggestion, said why,
	// under the editor, on the screen.
	await body(expert).click();
	await caretAt(list, '');
	await expert.keyboard.press('Enter');
	const refused = expert.locator('[data-suggest-refused]');
	await expect(refused).toContainText('不能把列表项移出列表');
	await refused.scrollIntoViewIfNeeded();
	await expect(refused).toBeInViewport();
	await caretAt(list, second);
	await expert.keyboard.press('Backspace');
	await expect(refused).toContainText('不能把列表项移出列表');
	await expect(list.locator(':scope > li')).toHaveCount(3);
	// A word typed is a suggestion, and the refusal goes.
	await expert.keyboard.type('拟');
	await expect(refused).toHaveCount(0);
	expect(await sideways(expert)).toBe(0);

	// The owner reaches the 修订 list from the top and decides with buttons big enough to tap.
	await owner.evaluate(() => window.scrollTo(0, 0));
	const jump = owner.locator('[data-suggestions-jump]');
	await expect(jump).toBeInViewport();
	await expect(jump).toHaveText('修订（1）');
	await jump.click();
	await expect(panel(owner)).toBeInViewport();
	const entry = panel(owner).locator('li[data-suggestion]', { hasText: '拟' });
	await tappable(entry.locator('[data-accept], [data-reject], [data-discuss-open]'));
	await tappable(panel(owner).locator('[data-accept-all], [data-reject-all]'));
	expect(await sideways(owner)).toBe(0);
	await entry.locator('[data-reject]').click();
	await expect(panel(owner).locator('li[data-suggestion]')).toHaveCount(0);
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();

	await owner.context().close();
	await expert.context().close();
});
