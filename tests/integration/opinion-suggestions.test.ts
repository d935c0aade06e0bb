/**
 * From consultation to text (issue 17): an expert's opinion carries replacement wording (修改建议);
 * after the round the owning department applies it into the live draft as a tracked suggestion in
 * the expert's name, in one click; accepting it answers the opinion — 采纳 as proposed, 部分采纳
 * when edited first — and the link between opinion and suggestion is kept.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodeOf } from '../../src/lib/collab/close-codes.ts';
import { frozenParts } from '../../src/lib/consultation/passages.ts';
import { observe } from '../../src/lib/server/suggestions/decisions.ts';
import { parseSuggestionId } from '../../src/lib/suggestions/ids.ts';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { connect, eventually, type TestProvider } from '../helpers/collab.ts';
import { testDatabase } from '../helpers/db.ts';
import { login, postEnhanced } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
const cookies = new Map<string, string>();
const { query } = testDatabase(() => server);

beforeAll(async () => {
	server = await startServer();
	for (const name of ['admin', 'dsj', 'fgw', 'expert'])
		cookies.set(name, await login(server.url, name));
});
afterAll(async () => {
	await server?.stop();
});

async function post(who: string, path: string, fields: [string, string][]) {
	const { status, body } = await postEnhanced(server.url, path, fields, cookies.get(who) ?? '');
	return { status, body: JSON.parse(body) as { type: string; status?: number; data?: string } };
}

interface Passage {
	part: string;
	start: number;
	end: number;
	quote: string;
}

/** Four short prose passages of 9.2 in the round's frozen version (6 characters, 2 apart). */
function passagesOf9_2(versionId: number): Passage[] {
	const { payload } = query<{ payload: string }>(
		'SELECT c.payload FROM activity_versions v JOIN version_contents c ON c.hash = v.hash WHERE v.id = ?',
		versionId
	);
	const section = (JSON.parse(payload) as VersionPayload).sections.find((s) => s.clause === '9.2');
	const part = frozenParts(section!.rendering).find((p) => p.part === 'body');
	const found = part!.passages
		.flatMap((passage) =>
			Array.from(
				{ length: Math.floor((passage.end - passage.start) / 8) },
				(_, i) => passage.start + i * 8
			)
		)
		.map((start) => ({
			part: part!.part,
			start,
			end: start + 6,
			quote: part!.text.slice(start, start + 6)
		}))
		.slice(0, 4);
	expect(found).toHaveLength(4);
	expect(new Set(found.map((p) => p.quote)).size).toBe(4);
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
	text.doc!.transact(() => {
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
	});
}

/** Rejects suggestion `id` in a raw client: inserted words go, deleted words come back. */
function rejectRaw(text: Y.XmlText, id: string) {
	text.doc!.transact(() => {
		const delta = text.toDelta() as Delta;
		let index = 0;
		const insertions: [number, number][] = [];
		for (const part of delta) {
			if (part.attributes?.deletion?.id === id)
				text.format(index, part.insert.length, { deletion: null });
			if (part.attributes?.insertion?.id === id) insertions.push([index, part.insert.length]);
			index += part.insert.length;
		}
		for (const [at, length] of insertions.reverse()) text.delete(at, length);
	});
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
		expect(audited).toBe(4);
	});

	const decided = () =>
		query<{ n: number }>(
			"SELECT count(*) AS n FROM audit_log WHERE action = 'consultation.suggestion_decided'"
		).n;

	it('accepted as proposed, the owner gone at once: the server records 采纳, the link stays', async () => {
		const first = link(threads[0]).suggestion_id!;
		expect(link(threads[0]).outcome).toBeNull();
		acceptRaw(textContaining(owner.doc, '建议文字1'), first);
		// No report from the client: it leaves the moment the edit is sent.
		owner.destroy();
		await eventually(() => expect(link(threads[0]).outcome).toBe('accepted'), 10_000);
		expect(link(threads[0]).suggestion_id).toBe(first);
		expect(thread(threads[0])).toEqual({
			disposition: 'adopted',
			disposition_reason: '已按修改建议修改。'
		});
		const dsj = query<{ id: number }>("SELECT id FROM users WHERE username = 'dsj'").id;
		const audit = query<{ actor_id: number; details: string }>(
			"SELECT actor_id, details FROM audit_log WHERE action = 'consultation.suggestion_decided'"
		);
		expect(audit.actor_id).toBe(dsj);
		expect(JSON.parse(audit.details)).toMatchObject({ threadId: threads[0], outcome: 'accepted' });
	});

	it('edited before accepting: 部分采纳', async () => {
		owner = connect(server.url, cookies.get('dsj')!, 'plan/1/section/9.2');
		await eventually(() => expect(owner.provider.isSynced).toBe(true), 10_000);
		const second = link(threads[1]).suggestion_id!;
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
		await eventually(() => expect(thread(threads[1]).disposition).toBe('partial'), 10_000);
		expect(thread(threads[1]).disposition_reason).toBe('已参考修改建议修改。');
		expect(link(threads[1])).toMatchObject({ suggestion_id: second, outcome: 'accepted' });
	});

	it('rejected: recorded as rejected, the opinion left for an answer by hand', async () => {
		const third = link(threads[2]).suggestion_id!;
		rejectRaw(textContaining(owner.doc, '建议文字3'), third);
		await eventually(() => expect(link(threads[2]).outcome).toBe('rejected'), 10_000);
		expect(thread(threads[2]).disposition).toBeNull();
		expect(textContaining(owner.doc, passages[2].quote).toString()).not.toContain('建议文字3');
		expect(decided()).toBe(3);
		owner.destroy();
	});

	it('a suggest-only connection cannot decide, nor forge a decision', async () => {
		const fourth = link(threads[3]).suggestion_id!;
		const watcher = connect(server.url, cookies.get('dsj')!, 'plan/1/section/9.2');
		await eventually(() => expect(watcher.provider.isSynced).toBe(true), 10_000);
		// Another department's editor rejecting it: refused by the suggest guard (a suggester
		// takes no one else's suggestion out), so nothing changes and nothing is recorded.
		const other = connect(server.url, cookies.get('fgw')!, 'plan/1/section/9.2');
		await eventually(() => expect(other.provider.isSynced).toBe(true), 10_000);
		expect(other.provider.authorizedScope).toBe('read-write');
		const reasons: string[] = [];
		other.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
			const name = closeCodeOf(event);
			if (name) reasons.push(name);
		});
		rejectRaw(textContaining(other.doc, '建议文字4'), fourth);
		await eventually(() => expect(reasons).toContain('suggestionsOnly'), 10_000);
		other.destroy();
		expect(observe(watcher.doc.getXmlFragment('body'), fourth)).not.toBeNull();

		// The opinion's own author, suggest-only here, withdraws the suggestion (the guard lets an
		// author withdraw their own): it leaves the draft, but the decision is not theirs to make.
		const author = connect(server.url, cookies.get('expert')!, 'plan/1/section/9.2');
		await eventually(() => expect(author.provider.isSynced).toBe(true), 10_000);
		expect(author.provider.authorizedScope).toBe('read-write');
		rejectRaw(textContaining(author.doc, '建议文字4'), fourth);
		await eventually(() => expect(author.provider.hasUnsyncedChanges).toBe(false), 10_000);
		await eventually(
			() => expect(observe(watcher.doc.getXmlFragment('body'), fourth)).toBeNull(),
			10_000
		);
		await eventually(
			() => expect(server.output()).toContain('by someone who may not decide'),
			10_000
		);
		expect(link(threads[3]).outcome).toBeNull();
		expect(thread(threads[3]).disposition).toBeNull();
		expect(decided()).toBe(3);

		// The API that took the browser's report is gone: nothing to forge there either.
		const forged = await fetch(`${server.url}/api/plans/1/sections/9.2/suggestions`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				origin: server.url,
				cookie: cookies.get('expert')!
			},
			body: JSON.stringify({ suggestionId: fourth, outcome: 'accepted', inserted: '建议文字4' })
		});
		expect(forged.status).toBe(404);
		expect(link(threads[3]).outcome).toBeNull();
		author.destroy();
		watcher.destroy();
	});
});
