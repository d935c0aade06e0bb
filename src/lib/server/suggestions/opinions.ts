/**
 * From consultation to text (issue 17): an opinion's 修改建议 — replacement wording for the passage
 * it quotes — applied by the owning department into the live draft as a tracked suggestion in one
 * click, linked to the opinion; deciding on that suggestion in the editor answers the opinion
 * (accepted as proposed: 采纳; edited before accepting: 部分采纳), with the link kept.
 *
 * The suggestion is written through a Hocuspocus DirectConnection whose context is the applier, so
 * open editors see it at once and the log records it as the applier's change; its marks carry the
 * opinion's author (ids.ts), as Word shows a reviewer's revision under the reviewer's name. The
 * decision is seen by the collaboration server itself (opinion-decisions.ts, decisions.ts), so it
 * is recorded even when the owner closes the page right after accepting.
 */
import type { Actor } from '../actor.ts';
import { and, eq, isNull } from 'drizzle-orm';
import type * as Y from 'yjs';
import { canDecideSuggestions } from '../../policy/index.ts';
import { findSection, sectionDocumentName } from '../../standard/sections.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { sectionFacts } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { getCollab } from '../collab.ts';
import { answerComment } from '../consultation/answers.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';
import { textsOf } from './decisions.ts';
import type { Statement } from 'better-sqlite3';

export const REPLACEMENT_MAX = 5000;

/** Stores an opinion's replacement wording (called right after the opinion is created). */
export function proposeReplacement(threadId: number, replacement: string): void {
	const text = replacement.replace(/\r\n?/g, '\n').trim();
	if (!text) return;
	if (text.length > REPLACEMENT_MAX) throw new DomainError('invalid');
	getDb().insert(schema.opinionSuggestions).values({ threadId, replacement: text }).run();
}

/** The 修改建议 of a round's opinions, by thread id. */
export function replacementsOfRound(roundId: number) {
	const o = schema.opinionSuggestions;
	const t = schema.commentThreads;
	return getDb()
		.select({
			threadId: o.threadId,
			replacement: o.replacement,
			suggestionId: o.suggestionId,
			appliedAt: o.appliedAt,
			outcome: o.outcome
		})
		.from(o)
		.innerJoin(t, eq(o.threadId, t.id))
		.where(eq(t.roundId, roundId))
		.all();
}

/** Applied 修改建议 of one section still waiting in the draft: the page links them to opinions. */
export function pendingOpinionSuggestions(planId: number, clause: string) {
	const o = schema.opinionSuggestions;
	const t = schema.commentThreads;
	return getDb()
		.select({
			suggestionId: o.suggestionId,
			threadId: o.threadId,
			roundId: t.roundId,
			replacement: o.replacement
		})
		.from(o)
		.innerJoin(t, eq(o.threadId, t.id))
		.where(and(eq(t.planId, planId), eq(t.clause, clause)))
		.all()
		.filter((r): r is typeof r & { suggestionId: string; roundId: number } => !!r.suggestionId)
		.filter((r) => r.roundId !== null);
}

function threadWithReplacement(planId: number, threadId: number) {
	const o = schema.opinionSuggestions;
	const t = schema.commentThreads;
	const row = getDb()
		.select({
			threadId: t.id,
			planId: t.planId,
			clause: t.clause,
			fragment: t.fragment,
			quote: t.quote,
			contextBefore: t.contextBefore,
			roundId: t.roundId,
			authorId: t.authorId,
			organizationId: t.organizationId,
			replacement: o.replacement,
			suggestionId: o.suggestionId
		})
		.from(o)
		.innerJoin(t, eq(o.threadId, t.id))
		.where(and(eq(t.id, threadId), eq(t.planId, planId)))
		.get();
	if (!row || row.roundId === null) throw new DomainError('not-found', {}, 404);
	return row;
}

function assertMayDecide(userId: number, planId: number, clause: string) {
	const facts = sectionFacts(userId, planId, clause);
	if (!canDecideSuggestions(facts.membership, facts.owners, facts.state))
		throw new DomainError('suggestion-forbidden', {}, 403);
}

/** The text of a Y.XmlText without its formatting, and whether a range holds a suggestion. */
function plain(text: Y.XmlText) {
	const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
	let value = '';
	const suggested: [number, number][] = [];
	for (const part of delta) {
		if (typeof part.insert !== 'string') {
			value += '\uFFFC'; // an embed: never part of a quote
			continue;
		}
		const a = part.attributes ?? {};
		if (a.insertion || a.deletion || a.modification)
			suggested.push([value.length, value.length + part.insert.length]);
		value += part.insert;
	}
	return { value, suggested };
}

/**
 * Where the quoted passage is in the live fragment now: the paragraph (Y.XmlText) and offset,
 * preferring the occurrence that follows the quote's context; never inside a pending suggestion.
 */
function locate(fragment: Y.XmlFragment, quote: string, before: string) {
	let best: { text: Y.XmlText; index: number; score: number } | null = null;
	for (const text of textsOf(fragment)) {
		const { value, suggested } = plain(text);
		for (let i = value.indexOf(quote); i >= 0; i = value.indexOf(quote, i + 1)) {
			if (suggested.some(([s, e]) => s < i + quote.length && e > i)) continue;
			let score = 0;
			while (score < before.length && value[i - 1 - score] === before[before.length - 1 - score])
				score++;
			if (!best || score > best.score) best = { text, index: i, score };
		}
	}
	return best;
}

/**
 * Applies an opinion's 修改建议 into the live draft as one tracked suggestion: the quoted words
 * marked deleted, the replacement inserted after them, both under one id in the opinion author's
 * name. Refused when the applier may not write the section, when it was applied already, or when
 * the quoted words are no longer in the draft as they were (the department then edits by hand).
 */
export async function applyReplacement(
	actor: Actor,
	planId: number,
	threadId: number
): Promise<{ suggestionId: string; clause: string }> {
	const row = threadWithReplacement(planId, threadId);
	assertMayDecide(actor.user.id, planId, row.clause);
	if (row.suggestionId) throw new DomainError('suggestion-already-applied', {}, 409);
	const fragmentName = row.fragment ?? '';
	if (!findSection(row.clause) || !(fragmentName === 'body' || fragmentName.startsWith('item:')))
		throw new DomainError('suggestion-passage-gone', {}, 409);
	const id = suggestionId({
		userId: row.authorId,
		organizationId: row.organizationId ?? 0,
		at: Date.now()
	});
	const applied = await getCollab().editAs(
		actor,
		sectionDocumentName(planId, row.clause),
		(doc) => {
			const found = locate(doc.getXmlFragment(fragmentName), row.quote, row.contextBefore);
			if (!found || !row.quote) return false;
			// The link is stored before the edit's transaction ends: the collaboration server's
			// decision observer (opinion-decisions.ts) reads it when the update goes out, so it
			// knows the suggestion from its first moment in the draft.
			getDb()
				.update(schema.opinionSuggestions)
				.set({ suggestionId: id, appliedBy: actor.user.id, appliedAt: new Date() })
				.where(eq(schema.opinionSuggestions.threadId, threadId))
				.run();
			bumpLinksRevision();
			found.text.format(found.index, row.quote.length, { deletion: { id } });
			found.text.insert(found.index + row.quote.length, row.replacement, { insertion: { id } });
			return true;
		}
	);
	if (!applied) throw new DomainError('suggestion-passage-gone', {}, 409);
	appendAudit({
		action: 'consultation.suggestion_applied',
		actorId: actor.user.id,
		planId,
		target: `section:${row.clause}`,
		ip: actor.ip,
		details: { threadId, roundId: row.roundId ?? 0, suggestionId: id }
	});
	return { suggestionId: id, clause: row.clause };
}

/** An applied 修改建议 still pending in a section's draft, as the observer watches it. */
export interface PendingLink {
	threadId: number;
	suggestionId: string;
	replacement: string;
	fragment: string;
	roundId: number;
}

/**
 * Bumped whenever this process links a suggestion to an opinion or records a decision on one: the
 * observer (opinion-decisions.ts) keeps each section's pending links until it changes, instead of
 * a query per update — a round trip per keystroke on PostgreSQL. Links changed by another instance
 * reach it with that instance's update of the document, which makes it read them again.
 */
const REVISION = Symbol.for('lantu.pendingLinksRevision');
type RevisionHolder = { [REVISION]?: number };
// On globalThis: the SvelteKit bundle (which applies links) and the collaboration server (which
// watches them) each load their own copy of this module.
function bumpLinksRevision() {
	const holder = globalThis as RevisionHolder;
	holder[REVISION] = (holder[REVISION] ?? 0) + 1;
}
export function pendingLinksRevision(): number {
	return (globalThis as RevisionHolder)[REVISION] ?? 0;
}

/**
 * The applied, undecided 修改建议 of one section, as the collaboration server's observer watches
 * them (collab/extensions/opinion-decisions.ts): one indexed query, prepared once.
 */
export function pendingLinks(planId: number, clause: string): PendingLink[] {
	const client = getDb().$client;
	let statement = pendingStatements.get(client);
	if (!statement) {
		statement = client.prepare<[number, string], PendingLink>(
			`SELECT o.thread_id AS threadId, o.suggestion_id AS suggestionId, o.replacement,
			        coalesce(t.fragment, 'body') AS fragment, t.round_id AS roundId
			 FROM comment_threads t JOIN opinion_suggestions o ON o.thread_id = t.id
			 WHERE t.plan_id = ? AND t.clause = ? AND t.round_id IS NOT NULL
			   AND o.suggestion_id IS NOT NULL AND o.outcome IS NULL`
		);
		pendingStatements.set(client, statement);
	}
	return statement.all(planId, clause);
}
const pendingStatements = new WeakMap<object, Statement<[number, string], PendingLink>>();

/**
 * The owner accepted or rejected a linked suggestion in the editor, as the collaboration server
 * saw it happen in the update of `actor`'s connection (opinion-decisions.ts). Recorded once (the
 * first instance to see it wins; later calls change nothing) and only for someone who may decide
 * on the section's suggestions — a suggest-only connection removing the marks decides nothing.
 * Accepting answers the opinion: 采纳 when the accepted words are the proposed ones, 部分采纳 when
 * the owner edited them first. Returns the disposition recorded; null when another call recorded
 * it already; 'forbidden' when the author may not decide.
 */
export function recordObservedDecision(
	actor: Actor & { suggestOnly?: boolean },
	planId: number,
	clause: string,
	link: PendingLink,
	outcome: 'accepted' | 'rejected',
	inserted: string
): { disposition: 'adopted' | 'partial' | null } | 'forbidden' | null {
	if (actor.suggestOnly) return 'forbidden';
	try {
		assertMayDecide(actor.user.id, planId, clause);
	} catch {
		return 'forbidden';
	}
	const o = schema.opinionSuggestions;
	const db = getDb();
	return db.transaction(() => {
		const claimed = db
			.update(o)
			.set({ outcome, decidedBy: actor.user.id, decidedAt: new Date() })
			.where(
				and(eq(o.threadId, link.threadId), eq(o.suggestionId, link.suggestionId), isNull(o.outcome))
			)
			.run();
		if (claimed.changes === 0) return null;
		bumpLinksRevision();
		const disposition =
			outcome === 'rejected' ? null : inserted === link.replacement ? 'adopted' : 'partial';
		appendAudit({
			action: 'consultation.suggestion_decided',
			actorId: actor.user.id,
			planId,
			target: `section:${clause}`,
			ip: actor.ip,
			details: { threadId: link.threadId, suggestionId: link.suggestionId, outcome }
		});
		if (disposition)
			answerComment(
				actor,
				planId,
				link.roundId,
				{ kind: 'thread', id: link.threadId },
				disposition,
				disposition === 'adopted' ? '已按修改建议修改。' : '已参考修改建议修改。'
			);
		return { disposition };
	});
}
