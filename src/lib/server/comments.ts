/**
 * Internal comments on a section's live draft (DESIGN.md §4). Threads live in SQLite, not in the
 * Y.Doc, so a reader (reviewer, expert, leader) comments without write access to the document.
 *
 * Who may do what, decided here for every endpoint:
 * - comment and reply: anyone who reads the section's draft (`sectionAccess` ≠ none);
 * - resolve and reopen: the thread's author, the plan's administrators, and editors of a
 *   department the section is assigned to (who answer comments on their sections, DESIGN.md §1).
 */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { proseText, tokenText } from '../forms.ts';
import { cleanProse } from '../text-rules.ts';
import { findMentions } from '../comments/body.ts';
import { COMMENT_LIMITS } from '../comments/limits.ts';
import type { MemberView, ThreadView } from '../comments/types.ts';
import { BODY_FRAGMENT, itemFragmentName } from '../editor/fragments.ts';
import { canReadDraft, canResolveSuggestionThread } from '../policy/index.ts';
import { parseSuggestionId } from '../suggestions/ids.ts';
import { proseItemsOf } from '../templates/registry.ts';
import { getTemplate } from '../templates/registry.ts';
import { sectionDocumentName } from '../standard/sections.ts';
import type { Actor } from './actor.ts';
import { appendAudit } from './audit/index.ts';
import { assignedOrganizationIds, getMembership, sectionAccess } from './access.ts';
import { getCollab } from './collab.ts';
import { pendingSuggestion } from './suggestions/pending.ts';
import { cleanCommentBody } from './comment-body.ts';
import { getDb, schema } from './db/index.ts';
import { DomainError } from './errors.ts';
import { logger } from './log.ts';
import { userNames } from './names.ts';
import { planMembers } from './plans.ts';
import { notify } from './notifications.ts';
import { stored, take } from './rate-limit.ts';

const log = logger('comments');

const position = tokenText.min(1).max(COMMENT_LIMITS.position);

/** The body as typed; trimmed and checked for size by `cleanCommentBody` (so the message can be clear). */
const bodyField = proseText.max(COMMENT_LIMITS.body * 4);

export const newThreadSchema = z.object({
	anchor: z.discriminatedUnion('kind', [
		z.object({
			kind: z.literal('text'),
			fragment: tokenText.max(80),
			start: position,
			end: position,
			// Quote and context are the document's text as the page read it: cleaned like prose.
			quote: proseText.max(COMMENT_LIMITS.quote * 2),
			before: proseText.max(COMMENT_LIMITS.context * 2).default(''),
			after: proseText.max(COMMENT_LIMITS.context * 2).default('')
		}),
		z.object({
			kind: z.literal('row'),
			blockKey: tokenText.max(40),
			rowId: tokenText.min(1).max(80),
			label: proseText.max(200).default('')
		}),
		z.object({
			kind: z.literal('suggestion'),
			fragment: tokenText.max(80),
			suggestionId: tokenText.min(1).max(400),
			quote: proseText.max(COMMENT_LIMITS.quote * 2).default('')
		})
	]),
	body: bodyField
});
export type NewThread = z.infer<typeof newThreadSchema>;

export const threadActionSchema = z.discriminatedUnion('action', [
	z.object({ action: z.literal('reply'), body: bodyField }),
	z.object({ action: z.literal('resolve') }),
	z.object({ action: z.literal('reopen') })
]);
export type ThreadAction = z.infer<typeof threadActionSchema>;

/**
 * A light rate limit per user (a burst of comments is a script, not a reviewer), in the database
 * so that it holds across instances.
 */
const commentLimiter = stored('comments', { points: COMMENT_LIMITS.perMinute, seconds: 60 });
async function throttle(userId: number): Promise<void> {
	const taken = await take(commentLimiter(), String(userId));
	if (!taken.ok) throw new DomainError('comment-rate-limited', {}, 429);
}

type ThreadRow = typeof schema.commentThreads.$inferInsert;
type TextAnchorInput = Extract<NewThread['anchor'], { kind: 'text' }>;

/**
 * A thread anchored on a passage, its quote and context cut: a typed comment or an imported Word
 * comment (start/end: encoded Yjs positions), or a consultation opinion (character offsets in the
 * frozen text, consultation/comments.ts).
 */
export function textAnchorRow(
	planId: number,
	clause: string,
	anchor: TextAnchorInput,
	authorId: number
): ThreadRow {
	return {
		planId,
		clause,
		anchorKind: 'text',
		fragment: anchor.fragment,
		anchorStart: anchor.start,
		anchorEnd: anchor.end,
		// Cut, then cleaned: the document's text (an import's included) may hold control characters,
		// and a cut may halve a surrogate pair; neither is stored (text-rules.ts).
		quote: cleanProse(anchor.quote.slice(0, COMMENT_LIMITS.quote)),
		contextBefore: cleanProse(anchor.before.slice(-COMMENT_LIMITS.context)),
		contextAfter: cleanProse(anchor.after.slice(0, COMMENT_LIMITS.context)),
		authorId
	};
}

/** The row of a new thread, by what it is anchored to. */
function threadRow(
	planId: number,
	clause: string,
	anchor: NewThread['anchor'],
	authorId: number
): ThreadRow {
	switch (anchor.kind) {
		case 'text':
			return textAnchorRow(planId, clause, anchor, authorId);
		case 'suggestion':
			return {
				planId,
				clause,
				anchorKind: 'suggestion',
				fragment: anchor.fragment,
				suggestionId: anchor.suggestionId,
				quote: cleanProse(anchor.quote.slice(0, COMMENT_LIMITS.quote)),
				authorId
			};
		case 'row':
			return {
				planId,
				clause,
				anchorKind: 'row',
				blockKey: anchor.blockKey,
				rowId: anchor.rowId,
				quote: cleanProse(anchor.label.slice(0, COMMENT_LIMITS.quote)),
				authorId
			};
	}
}

/** Members who read the draft: whom a comment may @mention. */
export function mentionableMembers(planId: number): MemberView[] {
	return planMembers(planId)
		.filter((m) => !m.disabledAt && canReadDraft({ roles: m.roles, organizationId: 0 }))
		.sort((a, b) => a.userId - b.userId)
		.map((m) => ({ id: m.userId, name: m.displayName, organization: m.organization }));
}

function requireReader(userId: number, planId: number, clause: string): void {
	if (sectionAccess(userId, planId, clause) === 'none') {
		throw new DomainError('comment-forbidden', {}, 403);
	}
}

/** The user who proposed a suggestion (null: not a suggestion thread, or not a Lantu user). */
function suggestionAuthor(suggestionId: string | null): number | null {
	return suggestionId ? (parseSuggestionId(suggestionId)?.userId ?? null) : null;
}

function validFragment(clause: string, fragment: string): boolean {
	if (fragment === BODY_FRAGMENT) return true;
	return proseItemsOf(clause).some((item) => itemFragmentName(item.id) === fragment);
}

function validBlock(clause: string, blockKey: string): boolean {
	return getTemplate(clause)?.structured.some((key) => key === blockKey) ?? false;
}

export function threadLink(planId: number, clause: string, threadId: number): string {
	return `/plans/${planId}/sections/${clause}?thread=${threadId}`;
}

/** Tells the section's live connections that its comments changed (they fetch the list again). */
function announce(planId: number, clause: string): void {
	try {
		getCollab().announce(sectionDocumentName(planId, clause), JSON.stringify({ type: 'comments' }));
	} catch (error) {
		log.warn({ err: error, planId, clause }, 'comment announcement failed');
	}
}

function insertComment(threadId: number, authorId: number, body: string, planId: number) {
	const db = getDb();
	const comment = db
		.insert(schema.comments)
		.values({ threadId, authorId, body })
		.returning({ id: schema.comments.id })
		.get();
	const mentioned = findMentions(body, mentionableMembers(planId));
	if (mentioned.length > 0) {
		db.insert(schema.commentMentions)
			.values(mentioned.map((userId) => ({ commentId: comment.id, userId })))
			.run();
	}
	return { commentId: comment.id, mentioned };
}

/** A new thread's anchor names a part of this section (and a suggestion pending in it). */
function checkAnchor(planId: number, clause: string, anchor: NewThread['anchor']): void {
	if (anchor.kind === 'text' && !validFragment(clause, anchor.fragment)) {
		throw new DomainError('comment-anchor-invalid');
	}
	if (anchor.kind === 'row' && !validBlock(clause, anchor.blockKey)) {
		throw new DomainError('comment-anchor-invalid');
	}
	if (anchor.kind === 'suggestion') {
		if (!validFragment(clause, anchor.fragment)) throw new DomainError('comment-anchor-invalid');
		// Only a suggestion pending in the live draft can be discussed (verified, not trusted).
		if (!pendingSuggestion(planId, clause, anchor.fragment, anchor.suggestionId))
			throw new DomainError('comment-anchor-invalid', {}, 409);
	}
}

export async function createThread(
	actor: Actor,
	planId: number,
	clause: string,
	input: NewThread
): Promise<{ threadId: number }> {
	requireReader(actor.user.id, planId, clause);
	const body = cleanCommentBody(input.body);
	const { anchor } = input;
	checkAnchor(planId, clause, anchor);
	await throttle(actor.user.id);
	const db = getDb();
	const result = db.transaction(() => {
		const thread = db
			.insert(schema.commentThreads)
			.values(threadRow(planId, clause, anchor, actor.user.id))
			.returning({ id: schema.commentThreads.id })
			.get();
		return { threadId: thread.id, ...insertComment(thread.id, actor.user.id, body, planId) };
	});
	notify(result.mentioned, {
		kind: 'mention',
		planId,
		clause,
		threadId: result.threadId,
		commentId: result.commentId,
		actorId: actor.user.id,
		link: threadLink(planId, clause, result.threadId),
		excerpt: body
	});
	appendAudit({
		action: 'comment.created',
		actorId: actor.user.id,
		planId,
		target: `thread:${result.threadId}`,
		details: { clause, anchor: anchor.kind, mentions: result.mentioned },
		ip: actor.ip
	});
	announce(planId, clause);
	return { threadId: result.threadId };
}

/** A thread an import brings (a Word comment), anchored on the text just inserted. */
export interface ImportedThread {
	anchor: TextAnchorInput;
	body: string;
}

/**
 * Threads from an imported Word file (docx-import/apply.ts), posted by the importer in one
 * transaction: not rate-limited (one upload, not a burst of typing), one audit entry for the
 * import rather than one per comment, one announcement to the section's editors.
 */
export function importThreads(
	actor: Actor,
	planId: number,
	clause: string,
	threads: readonly ImportedThread[]
): void {
	requireReader(actor.user.id, planId, clause);
	const db = getDb();
	db.transaction(() => {
		for (const { anchor, body } of threads) {
			if (!validFragment(clause, anchor.fragment)) continue;
			const thread = db
				.insert(schema.commentThreads)
				.values(textAnchorRow(planId, clause, anchor, actor.user.id))
				.returning({ id: schema.commentThreads.id })
				.get();
			db.insert(schema.comments)
				.values({ threadId: thread.id, authorId: actor.user.id, body: cleanCommentBody(body) })
				.run();
		}
	});
	announce(planId, clause);
}

function loadThread(threadId: number, planId: number) {
	const thread = getDb()
		.select()
		.from(schema.commentThreads)
		.where(
			and(
				eq(schema.commentThreads.id, threadId),
				eq(schema.commentThreads.planId, planId),
				// Consultation comments belong to their round (src/lib/server/consultation).
				isNull(schema.commentThreads.roundId)
			)
		)
		.get();
	if (!thread) throw new DomainError('comment-not-found', {}, 404);
	return thread;
}

export async function actOnThread(
	actor: Actor,
	planId: number,
	threadId: number,
	input: ThreadAction
): Promise<{ clause: string }> {
	const thread = loadThread(threadId, planId);
	const { clause } = thread;
	requireReader(actor.user.id, planId, clause);
	if (input.action === 'reply') await replyToThread(actor, thread, input.body);
	else setThreadStatus(actor, thread, input.action === 'resolve');
	announce(planId, clause);
	return { clause };
}

type Thread = ReturnType<typeof loadThread>;

async function replyToThread(actor: Actor, thread: Thread, rawBody: string): Promise<void> {
	const { planId, clause, id: threadId } = thread;
	const db = getDb();
	const body = cleanCommentBody(rawBody);
	await throttle(actor.user.id);
	const { commentId, mentioned } = db.transaction(() => {
		const inserted = insertComment(threadId, actor.user.id, body, planId);
		db.update(schema.commentThreads)
			.set({ updatedAt: new Date() })
			.where(eq(schema.commentThreads.id, threadId))
			.run();
		return inserted;
	});
	// Everyone who wrote in the thread hears of the reply; those mentioned get a mention instead.
	const participants = db
		.selectDistinct({ id: schema.comments.authorId })
		.from(schema.comments)
		.where(eq(schema.comments.threadId, threadId))
		.all()
		.map((r) => r.id);
	const common = {
		planId,
		clause,
		threadId,
		commentId,
		actorId: actor.user.id,
		link: threadLink(planId, clause, threadId),
		excerpt: body
	};
	notify(mentioned, { kind: 'mention', ...common });
	notify(
		participants.filter((id) => !mentioned.includes(id)),
		{ kind: 'reply', ...common }
	);
	appendAudit({
		action: 'comment.replied',
		actorId: actor.user.id,
		planId,
		target: `thread:${threadId}`,
		details: { clause, comment: commentId, mentions: mentioned },
		ip: actor.ip
	});
}

function setThreadStatus(actor: Actor, thread: Thread, resolving: boolean): void {
	const { planId, clause, id: threadId } = thread;
	const owners = assignedOrganizationIds(planId, clause);
	const membership = getMembership(planId, actor.user.id);
	if (
		!canResolveSuggestionThread(
			membership,
			owners,
			actor.user.id,
			thread.authorId,
			suggestionAuthor(thread.suggestionId)
		)
	) {
		throw new DomainError('comment-resolve-forbidden', {}, 403);
	}
	if ((thread.status === 'resolved') === resolving) return;
	const now = new Date();
	getDb()
		.update(schema.commentThreads)
		.set(
			resolving
				? { status: 'resolved', resolvedBy: actor.user.id, resolvedAt: now, updatedAt: now }
				: { status: 'open', resolvedBy: null, resolvedAt: null, updatedAt: now }
		)
		.where(eq(schema.commentThreads.id, threadId))
		.run();
	notify([thread.authorId], {
		kind: resolving ? 'resolved' : 'reopened',
		planId,
		clause,
		threadId,
		actorId: actor.user.id,
		link: threadLink(planId, clause, threadId),
		excerpt: thread.quote
	});
	appendAudit({
		action: resolving ? 'comment.resolved' : 'comment.reopened',
		actorId: actor.user.id,
		planId,
		target: `thread:${threadId}`,
		details: { clause },
		ip: actor.ip
	});
}

/** The section's threads as the panel shows them (never raw rows). */
export function listThreads(planId: number, clause: string, viewerId: number): ThreadView[] {
	const { commentThreads } = schema;
	const threads = getDb()
		.select()
		.from(commentThreads)
		.where(
			and(
				eq(commentThreads.planId, planId),
				eq(commentThreads.clause, clause),
				isNull(commentThreads.roundId)
			)
		)
		.orderBy(asc(commentThreads.id))
		.all();
	if (threads.length === 0) return [];
	const messages = commentViews(threads.map((t) => t.id));
	const names = userNames(threads.flatMap((t) => (t.resolvedBy ? [t.resolvedBy] : [])));
	const membership = getMembership(planId, viewerId);
	const owners = assignedOrganizationIds(planId, clause);
	return threads.map((t) => ({
		id: t.id,
		status: t.status,
		anchor:
			t.anchorKind === 'suggestion'
				? {
						kind: 'suggestion' as const,
						fragment: t.fragment ?? '',
						suggestionId: t.suggestionId ?? ''
					}
				: t.anchorKind === 'text'
					? {
							kind: 'text' as const,
							fragment: t.fragment ?? '',
							start: t.anchorStart ?? '',
							end: t.anchorEnd ?? ''
						}
					: { kind: 'row' as const, blockKey: t.blockKey ?? '', rowId: t.rowId ?? '' },
		quote: t.quote,
		before: t.contextBefore,
		after: t.contextAfter,
		authorId: t.authorId,
		resolvedBy: t.resolvedBy ? (names.get(t.resolvedBy) ?? '') : null,
		resolvedAt: t.resolvedAt?.getTime() ?? null,
		canResolve: canResolveSuggestionThread(
			membership,
			owners,
			viewerId,
			t.authorId,
			suggestionAuthor(t.suggestionId)
		),
		comments: messages.filter((c) => c.threadId === t.id).map(({ threadId: _, ...c }) => c)
	}));
}

/** The comments of the given threads, in order, with their authors and mentions. */
function commentViews(threadIds: number[]) {
	const { comments, commentMentions, users, organizations } = schema;
	const db = getDb();
	const messages = db
		.select({
			id: comments.id,
			threadId: comments.threadId,
			authorId: comments.authorId,
			author: users.displayName,
			organization: organizations.name,
			body: comments.body,
			createdAt: comments.createdAt
		})
		.from(comments)
		.innerJoin(users, eq(comments.authorId, users.id))
		.innerJoin(organizations, eq(users.organizationId, organizations.id))
		.where(inArray(comments.threadId, threadIds))
		.orderBy(asc(comments.id))
		.all();
	const mentions = messages.length
		? db
				.select({ commentId: commentMentions.commentId, id: users.id, name: users.displayName })
				.from(commentMentions)
				.innerJoin(users, eq(commentMentions.userId, users.id))
				.where(
					inArray(
						commentMentions.commentId,
						messages.map((c) => c.id)
					)
				)
				.all()
		: [];
	return messages.map((c) => ({
		id: c.id,
		threadId: c.threadId,
		author: c.author,
		authorId: c.authorId,
		organization: c.organization,
		body: c.body,
		mentions: mentions.filter((x) => x.commentId === c.id).map((x) => ({ id: x.id, name: x.name })),
		createdAt: c.createdAt.getTime()
	}));
}

/** Open threads per section of a plan, for the plan tree. */
export function openThreadCounts(planId: number): Record<string, number> {
	const { commentThreads } = schema;
	const rows = getDb()
		.select({ clause: commentThreads.clause, n: count() })
		.from(commentThreads)
		.where(
			and(
				eq(commentThreads.planId, planId),
				eq(commentThreads.status, 'open'),
				isNull(commentThreads.roundId)
			)
		)
		.groupBy(commentThreads.clause)
		.all();
	return Object.fromEntries(rows.map((r) => [r.clause, r.n]));
}
