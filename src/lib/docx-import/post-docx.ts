/**
 * The browser side of a Word import (a section's page and the whole plan's): send the chosen .docx
 * raw to the import API — refused here already when it is over the server's limit — and read the
 * answer, with the server's refusal (or a network failure) as the text to show.
 */
import { m } from '#lib/paraglide/messages.js';

export interface DocxAnswer<T> {
	/** What the server answered (also on a refusal: the plan import reports the sections it landed). */
	body: Partial<T>;
	/** '' when the server accepted the file. */
	problem: string;
}

export async function postDocx<T>(
	url: string,
	file: File,
	maxBytes: number
): Promise<DocxAnswer<T>> {
	if (file.size > maxBytes) {
		return { body: {}, problem: m.docxio_refused_too_large({ mb: String(maxBytes / 2 ** 20) }) };
	}
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/octet-stream', accept: 'application/json' },
			body: file
		});
		const body = (await response.json().catch(() => ({}))) as Partial<T> & { message?: string };
		return { body, problem: response.ok ? '' : (body.message ?? m.docxio_failed()) };
	} catch {
		return { body: {}, problem: m.docxio_failed() };
	}
}

/** 「导入 n 个内容块、n 条修订建议、n 条批注」 for one landed section. */
export function landedText(result: {
	blocks: number;
	suggestions: number;
	comments: number;
}): string {
	return m.docxio_done({
		blocks: String(result.blocks),
		suggestions: String(result.suggestions),
		comments: String(result.comments)
	});
}
