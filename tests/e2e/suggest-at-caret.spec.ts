/**
 * Deciding a suggestion where it is (Google Docs' suggestion card): the owner taps into a reviewer's
 * suggested words on a phone and a card under the editor says who proposed what, with 接受 and
 * 拒绝 big enough to tap; the reviewer, who may not decide, gets the same card without them and can
 * jump to the suggestion in the 修订 list. While someone types, no card flickers under their words.
 * It runs on 大数据局's (dsj) sections of plan 9 that no other spec changes; each repeat of a run
 * (`--repeat-each`) takes another.
 */
import type { Locator, Page } from '@playwright/test';
import {
	caretAtParagraphEnd,
	expect,
	firstParagraph,
	openSection,
	sectionBody,
	suggestionsPanel,
	test
} from './fixtures.ts';

const PHONE = { width: 390, height: 844 };
const SECTIONS = ['6.3', '8.3', '9.2'];
const section = () => SECTIONS[test.info().repeatEachIndex % SECTIONS.length];
const body = sectionBody;
const card = (page: Page) => page.locator('[data-suggestion-at-caret]');

/** Shown and at least 40 px each way, as a finger needs. */
async function tappable(control: Locator) {
	await expect(control).toBeVisible();
	const box = (await control.boundingBox())!;
	expect(box.height).toBeGreaterThanOrEqual(40);
	expect(box.width).toBeGreaterThanOrEqual(40);
}

test('a suggestion is decided where it is: tap it, read who proposed what, accept', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const owner = await openSection(browser, 'dsj', section(), { plan: 9, viewport: PHONE });
	const expert = await openSection(browser, 'expert', section(), { plan: 9, viewport: PHONE });
	const original = await firstParagraph(owner);

	// The expert suggests words; while typing them no card comes up under them.
	const inserted = `（建议补充：数据分级${Date.now() % 10000}）`;
	await caretAtParagraphEnd(expert);
	await expert.keyboard.type(inserted);
	await expect(body(expert).locator('.suggestion-insertion')).toHaveText(inserted);
	await expect(card(expert)).toHaveCount(0);

	// Tapping into the words: the card says whose they are; the expert cannot decide them but can
	// find them in the list, where their discussion is.
	await body(expert).locator('.suggestion-insertion').click();
	await expect(card(expert)).toContainText('孙教授');
	await expect(card(expert)).toContainText(inserted);
	await expect(card(expert).locator('[data-accept], [data-reject]')).toHaveCount(0);
	await card(expert).locator('[data-show-in-list]').click();
	const listed = suggestionsPanel(expert).locator('li[data-suggestion]', { hasText: inserted });
	await expect(listed).toBeInViewport();
	await expect(listed).toHaveAttribute('data-at-caret', ''); // marked in the list as the one at the caret

	// The owner taps the suggestion on the phone: the card is on the screen, with 接受 and 拒绝.
	const words = body(owner).locator('.suggestion-insertion', { hasText: inserted });
	await words.scrollIntoViewIfNeeded();
	await words.click();
	await expect(card(owner)).toContainText('孙教授');
	await expect(card(owner)).toContainText('专家');
	await expect(card(owner)).toContainText(inserted);
	await expect(card(owner)).toBeInViewport();
	// A screen reader hears it too (a live region under the editor).
	const announced = owner.locator('[data-suggestion-announce]', { hasText: '孙教授' });
	await expect(announced).toHaveText('光标处有孙教授的修订，可在下方查看');
	await tappable(card(owner).locator('[data-accept]'));
	await tappable(card(owner).locator('[data-reject]'));
	expect(await owner.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(
		0
	);

	// The caret moved out of the suggestion: the card goes.
	await body(owner)
		.locator('p')
		.first()
		.click({ position: { x: 2, y: 2 } });
	await expect(card(owner)).toHaveCount(0);

	// Back in it, 接受: the words are the section's, for both, and stored.
	await words.click();
	await card(owner).locator('[data-accept]').click();
	await expect(card(owner)).toHaveCount(0);
	for (const page of [owner, expert]) {
		await expect(body(page).locator('.suggestion')).toHaveCount(0);
		await expect.poll(() => firstParagraph(page)).toBe(original + inserted);
	}
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();
	await owner.reload();
	await expect.poll(() => firstParagraph(owner)).toBe(original + inserted);

	await owner.context().close();
	await expert.context().close();
});
