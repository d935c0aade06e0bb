/**
 * IME benchmark (issue 21): how long after compositionend a colleague sees the committed word, for
 * compositions of different lengths, against plain typing (no composition) as the baseline. The
 * guard holds a composition off Yjs until it ends, so the delay after compositionend must not grow
 * with the composition's length (a 10 s composition delays the colleague's view of the word by no
 * more than the composition itself). Two Chromium contexts on one section of a fresh server; the
 * composition is driven through DevTools (`Input.imeSetComposition`), as in tests/e2e/ime.spec.ts.
 * Needs a build. `./node_modules/.bin/node bench/ime.ts` (BENCH_IME_SECONDS=2,10 sets the lengths; 5 runs each).
 */
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from '@playwright/test';
import { findChromium } from '../tests/helpers/browser.ts';
import { login } from '../tests/helpers/http.ts';
import { ROOT, startServer } from '../tests/helpers/server.ts';
import { SERVER_ENTRY } from '../server/node-flags.ts';

const LENGTHS = (process.env.BENCH_IME_SECONDS ?? '2,10').split(',').map(Number);
const RUNS = Number(process.env.BENCH_IME_RUNS ?? 5);
const PINYIN = 'zhihuichengshi';
const CLAUSE = '7.2';

async function open(browser: Browser, url: string, user: string): Promise<Page> {
	const context = await browser.newContext({ baseURL: url, locale: 'zh-CN' });
	const [name, value] = (await login(url, user)).split('=');
	await context.addCookies([{ name, value, url, httpOnly: true, sameSite: 'Lax' }]);
	const page = await context.newPage();
	await page.goto(`/plans/1/sections/${CLAUSE}`);
	await page.locator('[data-status="saved"]').waitFor();
	return page;
}

const body = (page: Page) => page.getByRole('textbox', { name: /正文$/ });

/** Milliseconds from the end of the typist's input to the colleague's DOM showing `word`. */
async function seen(colleague: Page, word: string, typed: () => Promise<unknown>): Promise<number> {
	const waiting = colleague.waitForFunction(
		(word) => document.querySelector('.prose-editor')?.textContent?.includes(word),
		word,
		{ polling: 'raf', timeout: 30_000 }
	);
	await typed();
	const end = performance.now();
	await waiting;
	return performance.now() - end;
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

if (!fs.existsSync(path.join(ROOT, SERVER_ENTRY))) {
	console.error('No build: run `npm run build` first.');
	process.exit(1);
}
const server = await startServer();
const browser = await chromium.launch({ executablePath: findChromium(), args: ['--no-sandbox'] });
try {
	const typist = await open(browser, server.url, 'admin');
	const colleague = await open(browser, server.url, 'dsj');
	const cdp = await typist.context().newCDPSession(typist);
	await body(typist).click();
	await typist.keyboard.press('Control+a');
	await typist.keyboard.press('Backspace');
	const numerals = '一二三四五六七八九十';
	let n = 0;
	const word = () => `智慧城市第${numerals[n % 10]}${numerals[Math.floor(n++ / 10) % 10]}号`;

	const rows: { label: string; ms: number[] }[] = [];
	const plain: number[] = [];
	for (let run = 0; run < RUNS; run++) {
		const w = word();
		plain.push(await seen(colleague, w, () => typist.keyboard.insertText(w)));
	}
	rows.push({ label: 'plain typing', ms: plain });
	for (const seconds of LENGTHS) {
		const ms: number[] = [];
		for (let run = 0; run < RUNS; run++) {
			const w = word();
			for (let i = 1; i <= PINYIN.length; i++) {
				const text = PINYIN.slice(0, i);
				await cdp.send('Input.imeSetComposition', {
					text,
					selectionStart: text.length,
					selectionEnd: text.length
				});
				await typist.waitForTimeout((seconds * 1000) / PINYIN.length);
			}
			ms.push(await seen(colleague, w, () => cdp.send('Input.insertText', { text: w })));
		}
		rows.push({ label: `${seconds} s composition`, ms });
	}
	console.log('IME: compositionend → colleague sees the word (median of runs, ms)');
	for (const row of rows)
		console.log(
			`  ${row.label.padEnd(18)} ${median(row.ms).toFixed(0).padStart(5)} ms  (max ${Math.max(...row.ms).toFixed(0)} ms, ${row.ms.length} runs)`
		);
} finally {
	await browser.close();
	await server.stop();
}
