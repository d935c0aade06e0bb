/**
 * From consultation to text in two browsers (issue 17): an expert's two opinions on 9.2 carry
 * replacement wording (修改建议); after the round, 大数据局 (owner of 9.2) applies both into the live
 * draft in one click each while the expert watches the section — the suggestions appear there in
 * the expert's name. The owner accepts the first as proposed (the opinion is answered 采纳) and
 * edits the second's wording before accepting it (部分采纳); both views agree and the round page
 * keeps the link. It runs on the e2e server's seventh copy of the demo plan (plan 7), so freezing
 * chapter 9 meets no other spec; the round is closed before the draft is touched.
 */
import type { Page } from '@playwright/test';
import { expect, openAs, publishRound, test } from './fixtures.ts';

const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });
const panel = (page: Page) => page.locator('[data-suggestions]');

/** The editor's text without colleagues' cursor labels and the library's zero-width anchors. */
function bodyText(page: Page): Promise<string> {
	return body(page).evaluate((element) => {
		const copy = element.cloneNode(true) as HTMLElement;
		copy.querySelectorAll('.ProseMirror-yjs-cursor').forEach((c) => c.remove());
		return (copy.textContent ?? '').replace(/[\u200B\u2060]/g, '');
	});
}

/** Comments on `length` characters of 9.2's first passage from `start`, with replacement wording. */
async function opine(page: Page, start: number, opinion: string, replacement: string) {
	const section = page.locator('section[data-clause="9.2"]');
	const quote = await section
		.locator('[data-passage]')
		.first()
		.evaluate((el, start) => {
			// Character offsets across the passage's text nodes: an earlier opinion's highlight
			// splits the text into several.
			const at = (offset: number): [Text, number] => {
				const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
				let seen = 0;
				for (
					let node = walker.nextNode() as Text | null;
					node;
					node = walker.nextNode() as Text | null
				) {
					if (offset <= seen + node.length) return [node, offset - seen];
					seen += node.length;
				}
				throw new Error('offset beyond the passage');
			};
			const range = document.createRange();
			range.setStart(...at(start));
			range.setEnd(...at(start + 6));
			const selection = window.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
			return range.toString();
		}, start);
	await section.getByRole('button', { name: '提意见' }).first().click();
	const form = page.getByTestId('round-comment-form');
	await expect(form).toContainText(`针对：“${quote}”`);
	await form.getByRole('radio', { name: '建议' }).check();
	await form.getByLabel('意见内容').fill(opinion);
	await form.getByLabel('修改建议（可选）').fill(replacement);
	await form.getByRole('button', { name: '提交意见' }).click();
	await expect(page.getByRole('status').filter({ hasText: '意见已提交。' })).toBeVisible();
	// The page has reloaded its data (the card is there): a selection made now is not redrawn away.
	await expect(page.getByTestId('round-comment').filter({ hasText: opinion })).toBeVisible();
	return quote;
}

const FIRST = { opinion: '此处表述宜更具体。', replacement: '统一建设城市数据底座' };
const SECOND = { opinion: '建议与上位规划的提法一致。', replacement: '分步推进应用场景' };

test('修改建议 applied as suggestions and accepted answer the opinions 采纳 and 部分采纳', async ({
	browser
}) => {
	test.setTimeout(240_000);

	// The admin publishes the 征求意见稿 of chapter 9 (every participant group).
	const admin = await openAs(browser, 'admin', '/plans/7/workflow/roadmap');
	const publish = admin.getByTestId('publish-form');
	await expect(publish.getByLabel('专家')).toBeChecked();
	const roundHref = await publishRound(admin, 7);

	// The expert comments on two passages of 9.2, each with replacement wording.
	const expert = await openAs(browser, 'expert', roundHref);
	const firstQuote = await opine(expert, 0, FIRST.opinion, FIRST.replacement);
	const secondQuote = await opine(expert, 10, SECOND.opinion, SECOND.replacement);
	const card = (page: Page, opinion: string) =>
		page.getByTestId('round-comment').filter({ hasText: opinion });
	// The 修改建议 is shown right under its opinion's card.
	const proposal = (page: Page, opinion: string) =>
		card(page, opinion).locator('xpath=following-sibling::*[@data-opinion-suggestion][1]');
	await expect(proposal(expert, FIRST.opinion)).toContainText(FIRST.replacement);
	await expect(proposal(expert, SECOND.opinion)).toContainText(SECOND.replacement);

	// The round ends (early, with the reason the page asks for): chapter 9 drafts again.
	await admin.goto('/plans/7/workflow/roadmap');
	await admin.getByLabel(/提前结束的理由/).fill('意见已充分收集。');
	await admin.getByRole('button', { name: '结束征求意见', exact: true }).click();
	await expect(admin.getByRole('status').filter({ hasText: '征求意见已结束' })).toBeVisible();
	await expect(admin.getByTestId('workflow-state')).toHaveText('起草中');
	await admin.context().close();

	// The expert watches 9.2 (suggest-only); the owner applies both 修改建议 from the round page.
	await expert.goto('/plans/7/sections/9.2');
	await expect(expert.locator('[data-status="saved"]')).toBeVisible();
	await expect(expert.locator('[data-suggest-badge]')).toHaveText('可提修订');
	const owner = await openAs(browser, 'dsj', roundHref);
	for (const { opinion } of [FIRST, SECOND]) {
		await proposal(owner, opinion).locator('[data-apply-suggestion]').click();
		await expect(proposal(owner, opinion).locator('[data-opinion-suggestion-state]')).toContainText(
			'已作为修订应用到草稿'
		);
	}

	// Live in the expert's editor, in the expert's name: the quoted words struck, the wording added.
	for (const [quote, { replacement }] of [
		[firstQuote, FIRST],
		[secondQuote, SECOND]
	] as const) {
		await expect(
			body(expert).locator('.suggestion-insertion', { hasText: replacement })
		).toHaveCount(1);
		await expect(body(expert).locator('.suggestion-deletion', { hasText: quote })).toHaveCount(1);
	}

	// The owner opens the section: both in the side list, by the expert, from the consultation.
	await owner.goto('/plans/7/sections/9.2');
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();
	await expect(panel(owner).locator('[data-suggestion-count]')).toHaveText('2');
	const entry = (opinion: { replacement: string }) =>
		panel(owner).locator('li[data-suggestion]', { hasText: opinion.replacement });
	await expect(entry(FIRST)).toContainText('孙教授');
	await expect(entry(FIRST)).toContainText('来自征求意见的修改建议');

	// The collaboration server sees each decision in the edit itself and answers the opinion; the
	// page sends no report of its own.
	// The first as proposed.
	await entry(FIRST).locator('[data-accept]').click();
	await expect(panel(owner).locator('[data-suggestion-count]')).toHaveText('1');

	// The second after editing its wording: a word typed inside the suggested insertion.
	await body(owner)
		.locator('.suggestion-insertion', { hasText: SECOND.replacement })
		.evaluate((element) => {
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
			const text = walker.nextNode() as Text;
			const range = document.createRange();
			range.setStart(text, 2);
			range.collapse(true);
			const selection = window.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		});
	await owner.keyboard.type('有序');
	const edited = SECOND.replacement.slice(0, 2) + '有序' + SECOND.replacement.slice(2);
	await expect(entry({ replacement: edited })).toBeVisible();
	await entry({ replacement: edited }).locator('[data-accept]').click();

	// Both views agree: no suggestion left, the accepted wording in the text, the quotes gone.
	for (const page of [owner, expert]) {
		await expect(panel(page).locator('[data-suggestion-count]')).toHaveText('0');
		await expect(body(page).locator('.suggestion')).toHaveCount(0);
		await expect.poll(() => bodyText(page)).toContain(FIRST.replacement);
		await expect.poll(() => bodyText(page)).toContain(edited);
	}
	await expect(owner.locator('[data-status="saved"]')).toBeVisible();

	// The round page: 采纳 and 部分采纳, the link to the section kept.
	await expect(async () => {
		await owner.goto(roundHref);
		await expect(card(owner, SECOND.opinion).getByTestId('round-answer')).toContainText(
			'部分采纳',
			{
				timeout: 1000
			}
		);
	}).toPass({ timeout: 30_000 });
	await expect(card(owner, FIRST.opinion).getByTestId('round-answer')).toContainText('采纳');
	await expect(card(owner, FIRST.opinion).getByTestId('round-answer')).not.toContainText(
		'部分采纳'
	);
	await expect(card(owner, SECOND.opinion).getByTestId('round-answer')).toContainText('部分采纳');
	for (const { opinion } of [FIRST, SECOND]) {
		const state = proposal(owner, opinion).locator('[data-opinion-suggestion-state]');
		await expect(state).toContainText('修订已接受。');
		await expect(state.getByRole('link', { name: '打开 9.2 章节' })).toHaveAttribute(
			'href',
			'/plans/7/sections/9.2'
		);
	}
	// The expert reads the answers on the round page too.
	await expert.goto(roundHref);
	await expect(card(expert, SECOND.opinion).getByTestId('round-answer')).toContainText('部分采纳');

	await owner.context().close();
	await expert.context().close();
});
