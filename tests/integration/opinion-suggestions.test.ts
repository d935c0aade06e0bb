/**
 * From consultation to text (issue 17): an expert's opinion carries replacement wording (修改建议);
 * after the round the owning department applies it into the live draft as a tracked suggestion in
 * the expert's name, in one click; accepting it answers the opinion — 采纳 as proposed, 部分采纳
 * when edited first — and the link between opinion and suggestion is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { frozenParts } from '../../src/lib/consultation/passages.ts';
import { parseSuggestionId } from '../../src/lib/suggestions/ids.ts';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const cookies = new Map<string, string>();
const { query } = testDatabase(() => server.databasePath);

beforeAll(async () => {
	server = await startServer();
	for (const name of ['admin', 'dsj', 'fgw', 'expert'])
		cookies.set(name, await login(server.url, name));
});
afterAll(async () => {
	await server?.stop();
});

async function post(who: string, path: string, fields: [string, string][]) {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			'content-type': 'application/x-www-form-urlencoded',
			origin: server.url,
			accept: 'application/json',
			'x-sveltekit-action': 'true',
			cookie: cookies.get(who) ?? ''
		},
		body: new URLSearchParams(fields)
	});
	return {
		status: response.status,
		body: (await response.json()) as { type: string; status?: number; data?: string }
	};
}

async function decide(who: string, body: unknown) {
	const response = await fetch(`${server.url}/api/plans/1/sections/9.2/suggestions`, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			origin: server.url,
			cookie: cookies.get(who) ?? ''
		},
		body: JSON.stringify(body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Passage {
	part: string;
	start: number;
	end: number;
	quote: string;
}

/** Two short prose passages of 9.2 in the round's frozen version. */
function passagesOf9_2(versionId: number): Passage[] {
	const { payload } = query<{ payload: string }>(
		'SELECT c.payload FROM activity_versions v JOIN version_contents c ON c.hash = v.hash WHERE v.id = ?',
		versionId
	);
	const section = (JSON.parse(payload) as VersionPayload).sections.find((s) => s.clause === '9.2');
	const part = frozenParts(section!.rendering).find((p) => p.part === 'body');
	const passage = part!.passages[0];
	expect(passage.end - passage.start).toBeGreaterThan(16);
	const found = [passage.start, passage.start + 10].map((start) => ({
		part: part!.part,
		start,
		end: start + 6,
		quote: part!.text.slice(start, start + 6)
	}));
	expect(found).toHaveLength(2);
	return found;
}

function textContaining(doc: Y.Doc, words: string): Y.XmlText {
	const walk = (node: Y.XmlFragment | Y.XmlElement): Y.XmlText | undefined => {
		for (const child of node.toArray()) {
			if (
				child instanceof Y.XmlText &&
				child.toDelta().some((d: { insert: unknown }) => String(d.insert).includes(words))
			)
				return child;
			if (child instanceof Y.XmlElement) {
				const found = walk(child);
				if (found) return found;
			}
		}
		return undefined;
	};
	const text = walk(doc.getXmlFragment('body'));
	if (!text) throw new Error(`"${words}" is not in 9.2`);
	return text;
}

type Delta = { insert: string; attributes?: Record<string, { id: string } | undefined> }[];

/** Accepts suggestion `id` in a raw client, as the editor's accept does: deleted words go, marks go. */
function acceptRaw(text: Y.XmlText, id: string) {
	const delta = text.toDelta() as Delta;
	let index = 0;
	const deletions: [number, number][] = [];
	for (const part of delta) {
		if (part.attributes?.insertion?.id === id)
			text.format(index, part.insert.length, { insertion: null });
		if (part.attributes?.deletion?.id === id) deletions.push([index, part.insert.length]);
		index += part.insert.length;
	}
	for (const [at, length] of deletions.reverse()) text.delete(at, length);
}

const thread = (id: number) =>
	query<{ disposition: string | null; disposition_reason: string | null }>(
		'SELECT disposition, disposition_reason FROM comment_threads WHERE id = ?',
		id
	);
const link = (id: number) =>
	query<{ suggestion_id: string | null; outcome: string | null; replacement: string }>(
		'SELECT suggestion_id, outcome, replacement FROM opinion_suggestions WHERE thread_id = ?',
		id
	);

describe('修改建议 → tracked suggestion → disposition', { timeout: 120_000 }, () => {
	const threads: number[] = [];
	let passages: Passage[];
	let roundId: number;
	let owner: TestProvider;

	it('an opinion carries replacement wording', async () => {
		const opened = await post('admin', '/plans/1/workflow/roadmap?/publish', [
			['configured', '1'],
			['groups', 'experts'],
			['days', '30']
		]);
		expect(opened.status).toBe(200);
		const round = query<{ id: number; version_id: number }>(
			"SELECT id, version_id FROM consultation_rounds WHERE plan_id = 1 AND activity = 'roadmap' ORDER BY id DESC LIMIT 1"
		);
		roundId = round.id;
		passages = passagesOf9_2(round.version_id);
		for (const [i, p] of passages.entries()) {
			const commented = await post('expert', `/plans/1/rounds/${roundId}?/comment`, [
				['clause', '9.2'],
				['part', p.part],
				['start', String(p.start)],
				['end', String(p.end)],
				['stance', 'suggest'],
				['body', '表述可更准确'],
				['replacement', `建议文字${i + 1}`]
			]);
			expect(commented.status).toBe(200);
			threads.push(
				query<{ id: number }>(
					'SELECT max(id) AS id FROM comment_threads WHERE round_id = ?',
					roundId
				).id
			);
		}
		expect(link(threads[0]).replacement).toBe('建议文字1');
		expect(link(threads[0]).suggestion_id).toBeNull();
		// Shown on the round page under the opinion.
		const page = await (
			await fetch(`${server.url}/plans/1/rounds/${roundId}`, {
				headers: { cookie: cookies.get('dsj')! }
			})
		).text();
		expect(page).toContain('建议文字1');
	});

	it('cannot be applied while the round freezes the chapter, nor by another department', async () => {
		const during = await post('dsj', `/plans/1/rounds/${roundId}?/applySuggestion`, [
			['id', String(threads[0])]
		]);
		expect(during.body.status).toBe(403);
		const closed = await post('admin', '/plans/1/workflow/roadmap?/closeConsultation', [
			['closeReason', '意见已充分收集']
		]);
		expect(closed.status).toBe(200);
		const other = await post('fgw', `/plans/1/rounds/${roundId}?/applySuggestion`, [
			['id', String(threads[0])]
		]);
		expect(other.body.status).toBe(403);
		expect(link(threads[0]).suggestion_id).toBeNull();
	});

	it('is applied in one click as a suggestion in the expert’s name, live for open editors', async () => {
		owner = connect(server.url, cookies.get('dsj')!, 'plan/1/section/9.2');
		await eventually(() => expect(owner.provider.isSynced).toBe(true), 10_000);
		for (const id of threads) {
			const applied = await post('dsj', `/plans/1/rounds/${roundId}?/applySuggestion`, [
				['id', String(id)]
			]);
			expect(applied.body.type).toBe('success');
		}
		const again = await post('dsj', `/plans/1/rounds/${roundId}?/applySuggestion`, [
			['id', String(threads[0])]
		]);
		expect(again.body.status).toBe(409);
		const expertId = query<{ id: number }>("SELECT id FROM users WHERE username = 'expert'").id;
		for (const [i, id] of threads.entries()) {
			const suggestion = link(id).suggestion_id!;
			expect(parseSuggestionId(suggestion)?.userId).toBe(expertId);
			await eventually(() => {
				const delta = textContaining(owner.doc, `建议文字${i + 1}`).toDelta() as Delta;
				expect(delta.find((d) => d.insert === `建议文字${i + 1}`)?.attributes?.insertion?.id).toBe(
					suggestion
				);
				expect(delta.find((d) => d.attributes?.deletion?.id === suggestion)?.insert).toBe(
					passages[i].quote
				);
			}, 10_000);
		}
		const audited = query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'consultation.suggestion_applied'"
		).n;
		expect(audited).toBe(2);
	});

	it('accepting it as proposed records 采纳; edited first, 部分采纳; the link stays', async () => {
		const [first, second] = threads.map((id) => link(id).suggestion_id!);
		// Not decided yet in the draft: refused.
		const early = await decide('dsj', {
			suggestionId: first,
			outcome: 'accepted',
			inserted: '建议文字1'
		});
		expect(early.status).toBe(409);

		acceptRaw(textContaining(owner.doc, '建议文字1'), first);
		await eventually(() => expect(owner.provider.hasUnsyncedChanges).toBe(false));
		const refused = await decide('fgw', {
			suggestionId: first,
			outcome: 'accepted',
			inserted: '建议文字1'
		});
		expect(refused.status).toBe(403);
		const adopted = await decide('dsj', {
			suggestionId: first,
			outcome: 'accepted',
			inserted: '建议文字1'
		});
		expect(adopted.body).toEqual({ disposition: 'adopted' });
		expect(thread(threads[0])).toEqual({
			disposition: 'adopted',
			disposition_reason: '已按修改建议修改。'
		});
		expect(link(threads[0])).toMatchObject({ suggestion_id: first, outcome: 'accepted' });

		// The owner edits the proposed words (inside the suggestion) before accepting.
		const text = textContaining(owner.doc, '建议文字2');
		const at = (text.toDelta() as Delta).reduce(
			(acc, d) =>
				acc.done
					? acc
					: d.insert === '建议文字2'
						? { i: acc.i, done: true }
						: { i: acc.i + d.insert.length, done: false },
			{ i: 0, done: false }
		).i;
		text.insert(at + 4, '（修订）', { insertion: { id: second } });
		acceptRaw(text, second);
		await eventually(() => expect(owner.provider.hasUnsyncedChanges).toBe(false));
		const partial = await decide('dsj', {
			suggestionId: second,
			outcome: 'accepted',
			inserted: '建议文字（修订）2'
		});
		expect(partial.body).toEqual({ disposition: 'partial' });
		expect(thread(threads[1]).disposition).toBe('partial');
		expect(link(threads[1]).suggestion_id).toBe(second);
		owner.destroy();
	});
});
