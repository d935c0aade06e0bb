/**
 * Structural 修订 in two browsers (issue 17): an expert reviewer, who may read 发改委's sections
 * but not write them, adds a table row and turns two paragraphs into a list as suggestions
 * (nesting an item with Tab is refused with a message); the owning department (发改委, fgw) sees
 * both live in the expert's colour and listed as 「结构：插入表格行」 and 「结构：转为项目符号列表」,
 * accepts the row and rejects the list, and both views agree (also after a reload); a suggested
 * picture is shown outlined and rejected; a suggested table is shown outlined and accepted.
 * It runs on the e2e server's ninth copy of the demo plan (plan 9), so history.spec.ts restoring
 * plan 1's 8.7 beside it changes nothing here. Each repeat of a run (`--repeat-each`) takes
 * another of 发改委's sections, so repeats running side by side never write into the same section;
 * the owner starts after any table an earlier, failed attempt left at the section's end, and each
 * test leaves its section ending in a paragraph.
 */
import type { Locator, Page } from '@playwright/test';
import { pngImage } from '../../src/lib/server/images/fixtures.ts';
import {
	expect,
	openSection,
	reviewShots,
	sectionBody,
	selectWords,
	suggestionsPanel,
	test
} from './fixtures.ts';

const body = sectionBody;
/** 发改委's sections of plan 9 whose body ends in a paragraph: one per repeat of the spec. */
const SECTIONS = ['8.7', '9.3', '9.4'];
const section = () => SECTIONS[test.info().repeatEachIndex % SECTIONS.length];
const panel = suggestionsPanel;
const tool = (page: Page, name: string) =>
	page.getByRole('region', { name: '正文' }).getByRole('button', { name, exact: true });

/** Selects from the start of `first` to the end of `last` (two paragraphs), as a drag would. */
async function selectAcross(editor: Locator, first: string, last: string) {
	await editor.evaluate(
		(element, [first, last]) => {
			const find = (words: string) => {
				const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
				for (let node = walker.nextNode(); node; node = walker.nextNode()) {
					const index = node.textContent?.indexOf(words) ?? -1;
					if (index >= 0) return { node, index };
				}
				throw new Error(`${words} not found`);
			};
			const start = find(first);
			const end = find(last);
			const range = document.createRange();
			range.setStart(start.node, start.index);
			range.setEnd(end.node, end.index + last.length);
			window.getSelection()!.removeAllRanges();
			window.getSelection()!.addRange(range);
		},
		[first, last]
	);
}

/** The paragraph with `words`, when it is in a bulleted list. */
const inList = (page: Page, words: string) => body(page).locator('ul li p', { hasText: words });

test('a reviewer adds a row and makes a list as suggestions; the owner accepts one, rejects the other', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const owner = await openSection(browser, 'fgw', section(), { plan: 9 });
	const expert = await openSection(browser, 'expert', section(), { plan: 9 });
	await expect(expert.locator('[data-suggest-badge]')).toHaveText('可提修订');

	// The owner writes two paragraphs and a 3 × 3 table directly at the end of the body.
	const words = `统一数据标准建议${Date.now() % 100000}`;
	const words2 = `建立共享目录${Date.now() % 100000}`;
	await body(owner).click();
	await owner.keyboard.press('Control+End');
	// A table an earlier attempt left at the end (a retry): taken out first.
	if (await tool(owner, '删除表格').isVisible()) await tool(owner, '删除表格').click();
	await owner.keyboard.press('Control+End');
	await owner.keyboard.press('Enter');
	await owner.keyboard.type(words);
	await owner.keyboard.press('Enter');
	await owner.keyboard.type(words2);
	await owner.keyboard.press('Enter');
	await tool(owner, '插入表格').click();
	const cellWords = `建设项目${Date.now() % 100000}`;
	await owner.keyboard.type(cellWords);
	const table = body(owner).locator('table').last();
	await expect(table.locator('tr')).toHaveCount(3);
	await expect(body(expert).locator('table').last().locator('tr')).toHaveCount(3);
	const tablesBefore = await body(owner).locator('table').count();

	// As a reader does: into the text first (ProseMirror reads a selection only while it has focus).
	await body(expert).click();
	await selectAcross(body(expert), words, words2);
	await expect(tool(expert, '项目符号列表')).toBeEnabled();
	await tool(expert, '项目符号列表').click();
	await expect(expert.locator('[data-suggest-refused]')).toHaveCount(0);
	await expect(inList(expert, words2)).toHaveCount(1);
	// A list level is no suggestion: Tab on the second item is refused, saying why.
	await selectWords(body(expert), words2);
	await expert.keyboard.press('Tab');
	await expect(expert.locator('[data-suggest-refused]')).toContainText('不能调整列表层级');
	await expect(body(expert).locator('li ul, li ol')).toHaveCount(0);
	await selectWords(body(expert), cellWords);
	await expect(tool(expert, '在下方插入行')).toBeEnabled();
	await tool(expert, '在下方插入行').click();
	await expect(expert.locator('[data-suggest-refused]')).toHaveCount(0);

	// Both see the list and the fourth row at once, marked in the expert's colour.
	for (const page of [owner, expert]) {
		await expect(inList(page, words)).toHaveCount(1);
		await expect(inList(page, words2)).toHaveCount(1);
		await expect(body(page).locator('ul.suggestion-structure-wrap')).toHaveCount(1);
		await expect(body(page).locator('table').last().locator('tr')).toHaveCount(4);
		await expect(body(page).locator('tr.suggestion-structure-insert')).toHaveCount(1);
	}
	const row = panel(owner).locator('li[data-suggestion]', { hasText: '结构：插入表格行' });
	const list = panel(owner).locator('li[data-suggestion]', {
		hasText: '结构：转为项目符号列表'
	});
	await expect(row).toContainText('孙教授');
	await expect(list).toContainText(words);
	await expect(body(owner).locator('tr.suggestion-structure-insert')).toHaveAttribute(
		'title',
		/^结构：插入表格行 · 孙教授/
	);
	await expect(panel(expert).locator('[data-accept]')).toHaveCount(0);
	await reviewShots(owner, 'suggest-structure', body(owner).locator('table').last());
	await reviewShots(
		expert,
		'suggest-structure-expert',
		expert.getByRole('region', { name: '正文' })
	);

	await row.locator('[data-accept]').click();
	await list.locator('[data-reject]').click();

	for (const page of [owner, expert]) {
		await expect(panel(page).locator('li[data-suggestion]')).toHaveCount(0);
		await expect(body(page).locator('.suggestion-structure')).toHaveCount(0);
		await expect(body(page).locator('table').last().locator('tr')).toHaveCount(4);
		await expect(inList(page, words)).toHaveCount(0);
		await expect(body(page).locator('p', { hasText: words })).toHaveCount(1);
		await expect(body(page).locator('p', { hasText: words2 })).toHaveCount(1);
	}
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();

	// What is stored: a fresh view shows the decided structure.
	await owner.reload();
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();
	await expect(body(owner).locator('table')).toHaveCount(tablesBefore);
	await expect(body(owner).locator('table').last().locator('tr')).toHaveCount(4);
	await expect(inList(owner, words)).toHaveCount(0);

	// The section ends as it began, in a paragraph (the next repeat on it writes after it).
	await body(owner).locator('table').last().locator('td, th').last().click();
	await tool(owner, '删除表格').click();
	await expect(body(owner).locator('table')).toHaveCount(tablesBefore - 1);

	await owner.context().close();
	await expert.context().close();
});

test('a reviewer suggests a picture; the owner sees it outlined and rejects it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const owner = await openSection(browser, 'fgw', section(), { plan: 9 });
	const expert = await openSection(browser, 'expert', section(), { plan: 9 });
	const figures = (page: Page) => body(page).locator('figure.figure');
	const before = await figures(owner).count();

	await body(expert).click();
	await expert.keyboard.press('Control+End');
	await expert
		.getByRole('region', { name: '正文' })
		.locator('[data-image-file]')
		.setInputFiles({
			name: 'architecture.png',
			mimeType: 'image/png',
			buffer: pngImage(120, 80, [Date.now() % 256, 90, 160])
		});
	for (const page of [owner, expert]) {
		await expect(figures(page)).toHaveCount(before + 1);
		await expect(body(page).locator('figure.suggestion-structure-insert')).toHaveCount(1);
	}
	const picture = panel(owner).locator('li[data-suggestion]', { hasText: '结构：插入图片' });
	await expect(picture).toContainText('孙教授');
	await reviewShots(
		owner,
		'suggest-picture',
		body(owner).locator('figure.suggestion-structure-insert')
	);

	await picture.locator('[data-reject]').click();
	for (const page of [owner, expert]) {
		await expect(figures(page)).toHaveCount(before);
		await expect(panel(page).locator('li[data-suggestion]')).toHaveCount(0);
	}
	await owner.context().close();
	await expert.context().close();
});

test('a reviewer suggests a new table; the owner sees it outlined and accepts it', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const owner = await openSection(browser, 'fgw', section(), { plan: 9 });
	const expert = await openSection(browser, 'expert', section(), { plan: 9 });
	const tables = (page: Page) => body(page).locator('table');
	const before = await tables(owner).count();

	// After the section's last paragraph (the toolbar acts on the caret the expert sees).
	await body(expert).click();
	await expert.keyboard.press('Control+End');
	await tool(expert, '插入表格').click();
	await expect(expert.locator('[data-suggest-refused]')).toHaveCount(0);
	const cellWords = `试点区县${Date.now() % 100000}`;
	await expert.keyboard.type(cellWords);
	for (const page of [owner, expert]) {
		await expect(tables(page)).toHaveCount(before + 1);
		await expect(body(page).locator('.suggestion-structure-insert > table')).toHaveCount(1);
		await expect(tables(page).last()).toContainText(cellWords);
	}
	const table = panel(owner).locator('li[data-suggestion]', { hasText: '结构：插入表格' });
	await expect(table).toContainText('孙教授');
	await reviewShots(owner, 'suggest-table', tables(owner).last());

	// Accepted: the table stays (the words typed in it are the expert's own suggestion still).
	await table.locator('[data-accept]').click();
	for (const page of [owner, expert]) {
		await expect(body(page).locator('.suggestion-structure')).toHaveCount(0);
		await expect(tables(page)).toHaveCount(before + 1);
	}
	await owner.reload();
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();
	await expect(tables(owner)).toHaveCount(before + 1);

	// The section ends as it began, in a paragraph (the next repeat on it writes after it).
	await tables(owner).last().locator('th').first().click();
	await tool(owner, '删除表格').click();
	await expect(tables(owner)).toHaveCount(before);
	await owner.context().close();
	await expert.context().close();
});
