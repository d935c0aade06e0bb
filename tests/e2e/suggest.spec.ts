/**
 * 修订 in two browsers (issue 17): an expert reviewer, who may read 8.5 but not write it, suggests an
 * insertion and a deletion; the owning department (公安局, gaj) sees both live in the expert's
 * colour with name and department in the side list, accepts the insertion and rejects the
 * deletion, and both views agree. 8.5 is changed by no other spec.
 */
import type { Page } from '@playwright/test';
import {
	caretAtParagraphEnd,
	expect,
	firstParagraph,
	openSection,
	reviewShots,
	sectionBody,
	selectWords,
	suggestionsPanel,
	test
} from './fixtures.ts';
import { ime, PINYIN } from './ime.ts';

const body = sectionBody;
const panel = suggestionsPanel;
/** A tool of the body editor's toolbar (the required items' editors have their own). */
const tool = (page: Page, name: string) =>
	page.getByRole('region', { name: '正文' }).getByRole('button', { name });

test('a reviewer suggests, the owner accepts one and rejects the other, both views agree', async ({
	browser
}) => {
	const owner = await openSection(browser, 'gaj', '8.5');
	const expert = await openSection(browser, 'expert', '8.5');

	// The expert connects suggest-only: a badge, formatting tools and the structural ones (a
	// table or list is suggested too, suggest-structure.spec.ts).
	await expect(expert.locator('[data-suggest-badge]')).toHaveText('可提修订');
	await expect(expert.locator('[data-suggest-only]')).toBeVisible();
	await expect(body(expert)).toHaveAttribute('contenteditable', 'true');
	await expect(tool(expert, '加粗（Ctrl+B）')).toHaveCount(1);
	await expect(tool(expert, '插入表格')).toHaveCount(1);
	await expect(tool(owner, '插入表格')).toHaveCount(1);
	await expect(owner.locator('[data-suggest-toggle]')).not.toBeChecked();

	// The first words of the body: the deletion's target.
	const original = await firstParagraph(owner);
	const target = original.slice(0, 4);
	expect(target.length).toBe(4);

	// An insertion at the end of the first paragraph.
	const inserted = '（建议补充：等保三级测评）';
	await caretAtParagraphEnd(expert);
	await expert.keyboard.type(inserted);
	await expect(body(expert).locator('.suggestion-insertion')).toHaveText(inserted);

	// A deletion of the first four characters.
	await selectWords(body(expert), target);
	await expert.keyboard.press('Backspace');
	await expect(body(expert).locator('.suggestion-deletion')).toHaveText(target);

	// The owner sees both live, underlined and struck through, with who proposed them.
	await expect(body(owner).locator('.suggestion-insertion')).toHaveText(inserted);
	await expect(body(owner).locator('.suggestion-deletion')).toHaveText(target);
	await expect(body(owner).locator('.suggestion-insertion')).toHaveCSS(
		'text-decoration-line',
		'underline'
	);
	await expect(body(owner).locator('.suggestion-deletion')).toHaveCSS(
		'text-decoration-line',
		'line-through'
	);
	await expect(panel(owner).locator('[data-suggestion-count]')).toHaveText('2');
	const insertion = panel(owner).locator('li[data-suggestion]', { hasText: inserted });
	const deletion = panel(owner).locator('li[data-suggestion]', { hasText: target });
	await expect(insertion).toContainText('孙教授');
	await expect(insertion).toContainText('专家');
	// The expert cannot decide.
	await expect(panel(expert).locator('[data-accept]')).toHaveCount(0);

	await insertion.locator('[data-accept]').click();
	await deletion.locator('[data-reject]').click();

	for (const page of [owner, expert]) {
		await expect(panel(page).locator('[data-suggestion-count]')).toHaveText('0');
		await expect(body(page).locator('.suggestion')).toHaveCount(0);
		await expect.poll(() => firstParagraph(page)).toBe(original + inserted);
	}
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();

	// What is stored: a fresh view of the section shows the decided text.
	await owner.reload();
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();
	await expect.poll(() => firstParagraph(owner)).toBe(original + inserted);

	await owner.context().close();
	await expert.context().close();
});

test('formatting and a heading suggested, shown as Word shows them, accepted and rejected', async ({
	browser
}) => {
	const owner = await openSection(browser, 'gaj', '8.5');
	const expert = await openSection(browser, 'expert', '8.5');
	const original = await firstParagraph(owner);
	const words = original.slice(0, 4);
	const headings = await body(owner).locator('h2').count();

	// Bold on the first four characters: the words stay once, bold, marked as a format change.
	await selectWords(body(expert), words);
	await tool(expert, '加粗（Ctrl+B）').click();
	// The first paragraph made a level-2 heading.
	await caretAtParagraphEnd(expert);
	await tool(expert, '二级标题').click();
	await expect(expert.locator('[data-suggest-refused]')).toHaveCount(0);

	for (const page of [owner, expert]) {
		await expect(body(page).locator('strong', { hasText: words })).toHaveCount(1);
		await expect(body(page).locator('h2')).toHaveCount(headings + 1);
		await expect(body(page).locator('.suggestion-format').first()).toBeVisible();
		await expect(panel(page).locator('[data-suggestion-count]')).toHaveText('2');
	}
	const bold = panel(owner).locator('li[data-suggestion]', { hasText: '格式：加粗' });
	const style = panel(owner).locator('li[data-suggestion]', { hasText: '样式：正文 → 标题 2' });
	await expect(bold).toContainText(words);
	await expect(bold).toContainText('孙教授');
	await expect(style).toContainText('孙教授');
	await expect(body(owner).locator('.suggestion-format').first()).toHaveAttribute(
		'title',
		/(^|\n)格式：加粗 · 孙教授/
	);
	await expect(body(owner).locator('.suggestion-insertion, .suggestion-deletion')).toHaveCount(0);

	// The expert explains the bold in a thread on the suggestion; the owner sees it and replies.
	const expertBold = panel(expert).locator('li[data-suggestion]', { hasText: '格式：加粗' });
	await expertBold.locator('[data-discuss-open]').click();
	await expertBold.getByLabel('对这条修订的意见').fill('关键词加粗，便于审阅。');
	await expertBold.locator('[data-discuss-send]').click();
	await expect(bold.locator('[data-suggestion-thread]')).toContainText('关键词加粗，便于审阅。');
	await bold.getByLabel('回复').fill('同意。');
	await bold.locator('[data-discuss-send]').click();
	await expect(expertBold.locator('[data-suggestion-thread]')).toContainText('同意。');
	await bold.getByRole('button', { name: '标为已解决' }).click();
	await expect(expertBold.locator('[data-suggestion-thread]')).toHaveAttribute(
		'data-status',
		'resolved'
	);
	await reviewShots(owner, 'suggest-format-discussion', panel(owner));

	await bold.locator('[data-accept]').click();
	await style.locator('[data-reject]').click();
	for (const page of [owner, expert]) {
		await expect(panel(page).locator('[data-suggestion-count]')).toHaveText('0');
		await expect(body(page).locator('.suggestion-format')).toHaveCount(0);
		await expect(body(page).locator('h2')).toHaveCount(headings);
		await expect(body(page).locator('p strong', { hasText: words })).toHaveCount(1);
		await expect.poll(() => firstParagraph(page)).toBe(original);
	}

	// Put back as it was for the other tests (the owner writes directly).
	await selectWords(body(owner), words);
	await tool(owner, '加粗（Ctrl+B）').click();
	await expect(body(expert).locator('p strong', { hasText: words })).toHaveCount(0);
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();
	await owner.context().close();
	await expert.context().close();
});

test('the owner decides by range: the suggestions under a selection, at once', async ({
	browser
}) => {
	const owner = await openSection(browser, 'gaj', '8.5');
	const editor = await openSection(browser, 'fgw', '8.5');
	await expect(editor.locator('[data-suggest-badge]')).toBeVisible();
	const original = await firstParagraph(owner);

	await caretAtParagraphEnd(editor);
	await editor.keyboard.type('甲');
	await selectWords(body(editor), original.slice(2, 4));
	await editor.keyboard.type('乙');
	await expect(panel(owner).locator('[data-suggestion-count]')).toHaveText('2');

	await body(owner).click();
	await owner.keyboard.press('Control+A');
	const range = panel(owner).locator('[data-selection-decide]');
	await expect(range).toContainText('接受选中范围（2）');
	await range.getByRole('button', { name: /^接受选中范围/ }).click();

	const expected = original.slice(0, 2) + '乙' + original.slice(4) + '甲';
	for (const page of [owner, editor]) {
		await expect(panel(page).locator('[data-suggestion-count]')).toHaveText('0');
		await expect.poll(() => firstParagraph(page)).toBe(expected);
	}
	await owner.context().close();
	await editor.context().close();
});

test('Chinese typed through the input method becomes one suggestion, without pinyin', async ({
	browser
}) => {
	const owner = await openSection(browser, 'gaj', '8.5');
	const expert = await openSection(browser, 'expert', '8.5');
	const original = await firstParagraph(owner);
	await caretAtParagraphEnd(expert);
	const input = await ime(expert);
	await input.compose('dengbao');
	await input.commit('等保');

	await expect(body(owner).locator('.suggestion-insertion')).toHaveText('等保');
	await expect(body(expert).locator('.suggestion-insertion')).toHaveText('等保');
	expect(await firstParagraph(owner)).not.toMatch(PINYIN);
	await expect(panel(owner).locator('[data-suggestion-count]')).toHaveText('1');
	await panel(owner).locator('[data-reject]').click();
	await expect.poll(() => firstParagraph(expert)).toBe(original);
	await owner.context().close();
	await expert.context().close();
});
