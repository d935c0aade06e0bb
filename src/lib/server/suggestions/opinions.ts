/**
 * From consultation to text (issue 17): an opinion's 修改建议 — replacement wording for the passage
 * it quotes — applied by the owning department into the live draft as a tracked suggestion in one
 * click, linked to the opinion; deciding on that suggestion in the editor answers the opinion
 * (accepted as proposed: 采纳; edited before accepting: 部分采纳), with the link kept.
 *
 * The suggestion is written through a Hocuspocus DirectConnection whose context is the applier, so
 * open editors see it at once and the log records it as the applier's change; its marks carry the
 * opinion's author (ids.ts), as Word shows a reviewer's revision under the reviewer's name.
 */
import type { Actor } from '../actor.ts';
import { and, eq } from 'drizzle-orm';
import { yXmlFragmentToProseMirrorRootNode } from 'y-prosemirror';
import * as Y from 'yjs';
import { schema as editorSchema } from '../../editor/schema.ts';
import { canDecideSuggestions } from '../../policy/index.ts';
import { findSection, sectionDocumentName } from '../../standard/sections.ts';
import { suggestionIdsIn } from '../../suggestions/base.ts';
import { suggestionId } from '../../suggestions/ids.ts';
import { sectionFacts } from '../access.ts';
import { appendAudit } from '../audit/index.ts';
import { getCollab } from '../collab.ts';
import { answerComment } from '../consultation/answers.ts';
import { getDb, schema } from '../db/index.ts';
import { DomainError } from '../errors.ts';

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

function textsOf(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
	for (const child of node.toArray()) {
		if (child instanceof Y.XmlText) out.push(child);
		else if (child instanceof Y.XmlElement) textsOf(child, out);
	}
	return out;
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
			found.text.format(found.index, row.quote.length, { deletion: { id } });
			found.text.insert(found.index + row.quote.length, row.replacement, { insertion: { id } });
			return true;
		}
	);
	if (!applied) throw new DomainError('suggestion-passage-gone', {}, 409);
	const now = new Date();
	getDb()
		.update(schema.opinionSuggestions)
		.set({ suggestionId: id, appliedBy: actor.user.id, appliedAt: now })
		.where(eq(schema.opinionSuggestions.threadId, threadId))
		.run();
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

/**
 * The owner accepted or rejected a linked suggestion in the editor: checked against the live
 * draft (no mark of that id is left), then recorded. Accepting answers the opinion — 采纳 when the
 * accepted words are the proposed ones, 部分采纳 when they were edited first.
 */
export function recordDecision(
	actor: Actor,
	planId: number,
	clause: string,
	input: { suggestionId: string; outcome: 'accepted' | 'rejected'; inserted: string }
): { disposition: 'adopted' | 'partial' | null } {
	const o = schema.opinionSuggestions;
	const t = schema.commentThreads;
	const row = getDb()
		.select({
			threadId: o.threadId,
			replacement: o.replacement,
			outcome: o.outcome,
			roundId: t.roundId,
			fragment: t.fragment
		})
		.from(o)
		.innerJoin(t, eq(o.threadId, t.id))
		.where(and(eq(o.suggestionId, input.suggestionId), eq(t.planId, planId), eq(t.clause, clause)))
		.get();
	if (!row || row.roundId === null) throw new DomainError('not-found', {}, 404);
	assertMayDecide(actor.user.id, planId, clause);
	if (row.outcome) return { disposition: null };
	const doc = getCollab().readDocument(sectionDocumentName(planId, clause));
	try {
		const fragment = doc.getXmlFragment(row.fragment ?? 'body');
		const pm = yXmlFragmentToProseMirrorRootNode(fragment, editorSchema);
		if (suggestionIdsIn(pm).has(input.suggestionId))
			throw new DomainError('suggestion-not-decided', {}, 409);
		if (input.outcome === 'accepted' && input.inserted && !pm.textContent.includes(input.inserted))
			throw new DomainError('suggestion-not-decided', {}, 409);
	} finally {
		doc.destroy();
	}
	const now = new Date();
	getDb()
		.update(o)
		.set({ outcome: input.outcome, decidedBy: actor.user.id, decidedAt: now })
		.where(eq(o.threadId, row.threadId))
		.run();
	if (input.outcome === 'rejected') return { disposition: null };
	const disposition = input.inserted === row.replacement ? 'adopted' : 'partial';
	answerComment(
		actor,
		planId,
		row.roundId,
		{ kind: 'thread', id: row.threadId },
		disposition,
		disposition === 'adopted' ? '已按修改建议修改。' : '已参考修改建议修改。'
	);
	return { disposition };
}
