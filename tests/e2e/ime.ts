/**
 * Driving an input method from a test: Chromium's DevTools `Input.imeSetComposition` and
 * `Input.insertText` go through the renderer's real IME path (compositionstart/update/end and
 * `insertCompositionText` input events), the closest a test gets to a user typing pinyin.
 * Also: placing carets and selections in an editor by its text, and reading a section's stored
 * document through the server with a hand-made collaboration client.
 */
import type { CDPSession, Locator, Page } from '@playwright/test';
import * as Y from 'yjs';
import { connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';

export interface Ime {
	/**
	 * Types `pinyin` letter by letter as a composition (z, zh, zhi…), starting after its first
	 * `from` letters (already typed); the composition stays open. `between` runs after each letter.
	 */
	compose(
		pinyin: string,
		options?: { from?: number; between?: () => Promise<void> }
	): Promise<void>;
	/** The user picks `text` from the candidates: the composition ends with it. */
	commit(text: string): Promise<void>;
	/** The user presses Esc: the composition ends with nothing. */
	cancel(): Promise<void>;
}

export async function ime(page: Page): Promise<Ime> {
	const cdp: CDPSession = await page.context().newCDPSession(page);
	return {
		async compose(pinyin, options) {
			for (let i = (options?.from ?? 0) + 1; i <= pinyin.length; i++) {
				const text = pinyin.slice(0, i);
				await cdp.send('Input.imeSetComposition', {
					text,
					selectionStart: text.length,
					selectionEnd: text.length
				});
				await options?.between?.();
			}
		},
		async commit(text) {
			await cdp.send('Input.insertText', { text });
		},
		async cancel() {
			await cdp.send('Input.imeSetComposition', { text: '', selectionStart: 0, selectionEnd: 0 });
		}
	};
}

/** Latin letters: pinyin left behind in a Chinese text. */
export const PINYIN = /[a-z]/i;

/**
 * Focuses the editor first, apart: ProseMirror puts its own selection back into the DOM shortly
 * after it gains focus, which would undo a selection made in the same moment.
 */
async function focus(editor: Locator) {
	if (await editor.evaluate((element) => element === document.activeElement)) return;
	await editor.focus();
	await editor.page().waitForTimeout(50);
}

/**
 * Puts the caret `offset` characters after the start of the first occurrence of `anchor` in the
 * editor, as a click would, and lets the editor read it; with `through`, selects from there to the
 * end of the next occurrence of `through`.
 */
export async function placeCaret(
	editor: Locator,
	anchor: string,
	offset: number,
	through?: string
): Promise<void> {
	await focus(editor);
	await editor.evaluate(
		(element, { anchor, offset, through }) => {
			// Only the document's text: not the names on colleagues' cursors.
			const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
				acceptNode: (node) =>
					node.parentElement?.closest('[contenteditable="false"], .ProseMirror-yjs-cursor')
						? NodeFilter.FILTER_REJECT
						: NodeFilter.FILTER_ACCEPT
			});
			const nodes: Text[] = [];
			let text = '';
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				nodes.push(node as Text);
				text += node.textContent ?? '';
			}
			const start = text.indexOf(anchor);
			if (start < 0) throw new Error(`${anchor} not found`);
			// Between two text nodes (e.g. two paragraphs) a start goes into the later, an end the earlier.
			const at = (index: number, end: boolean): [Text, number] => {
				let seen = 0;
				for (const [i, node] of nodes.entries()) {
					const size = node.textContent?.length ?? 0;
					if (index < seen + size || (index === seen + size && (end || i === nodes.length - 1)))
						return [node, index - seen];
					seen += size;
				}
				throw new Error('offset past the end');
			};
			let end = start + offset;
			if (through) {
				const found = text.indexOf(through, end);
				if (found < 0) throw new Error(`${through} not found`);
				end = found + through.length;
			}
			const range = document.createRange();
			range.setStart(...at(start + offset, false));
			range.setEnd(...at(end, end > start + offset));
			const selection = window.getSelection()!;
			selection.removeAllRanges();
			selection.addRange(range);
		},
		{ anchor, offset, through }
	);
	// ProseMirror reads DOM selection changes on `selectionchange`, an event later.
	await editor.page().waitForTimeout(50);
}

/** Puts the caret into the editor's last paragraph, which is empty. */
export async function caretInLastEmptyParagraph(editor: Locator): Promise<void> {
	await focus(editor);
	await editor.evaluate((element) => {
		const paragraphs = element.querySelectorAll('p');
		const last = paragraphs[paragraphs.length - 1];
		const text = (node: Element) =>
			Array.from(node.childNodes)
				.filter((child) => !(child instanceof Element && child.matches('.ProseMirror-yjs-cursor')))
				.map((child) => child.textContent)
				.join('');
		if (!last || text(last) !== '') throw new Error('the last paragraph is not empty');
		const selection = window.getSelection()!;
		selection.removeAllRanges();
		const range = document.createRange();
		range.setStart(last, 0);
		selection.addRange(range);
	});
	await editor.page().waitForTimeout(50);
}

/** The text of each paragraph-like block of a stored ProseMirror fragment. */
export function fragmentParagraphs(fragment: Y.XmlFragment): string[] {
	const out: string[] = [];
	const walk = (element: Y.XmlElement | Y.XmlFragment) => {
		let text = '';
		let hasText = false;
		for (const child of element.toArray()) {
			if (child instanceof Y.XmlText) {
				hasText = true;
				for (const op of child.toDelta() as { insert: unknown }[])
					if (typeof op.insert === 'string') text += op.insert;
			} else if (child instanceof Y.XmlElement) walk(child);
		}
		if (element instanceof Y.XmlElement && (hasText || element.length === 0)) out.push(text);
	};
	walk(fragment);
	return out;
}

/** A collaboration client of the server, reading the section's document as stored there. */
export async function storedSection(
	baseURL: string,
	user: string,
	clause: string
): Promise<TestProvider & { paragraphs(): string[] }> {
	const cookie = await login(baseURL, user);
	const client = connect(baseURL, cookie, `plan/1/section/${clause}`, { reconnect: true });
	await eventually(() => {
		if (!client.provider.isSynced) throw new Error('not synced yet');
	}, 15_000);
	return { ...client, paragraphs: () => fragmentParagraphs(client.doc.getXmlFragment('body')) };
}

/** The text of each paragraph of an editor (or of each `selector` in it) as the user sees it. */
export function viewParagraphs(editor: Locator, selector = 'p, h1, h2, h3, h4'): Promise<string[]> {
	return editor.evaluate(
		(element, selector) =>
			Array.from(element.querySelectorAll(selector), (p) => {
				const copy = p.cloneNode(true) as HTMLElement;
				for (const widget of copy.querySelectorAll(
					'.ProseMirror-yjs-cursor, [contenteditable="false"]'
				))
					widget.remove();
				return copy.textContent ?? '';
			}),
		selector
	);
}
