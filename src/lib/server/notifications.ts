/**
 * The inbox: in-app notifications; those that ask the recipient to act are also e-mailed when
 * SMTP_URL is set (mail.ts). Producers call `notify`; comments do so for replies,
 * mentions and resolutions, the consultation workflow will for rounds opening and closing and for
 * answers (采纳/部分采纳/不采纳) to one's comments.
 */
import { and, count, desc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, schema } from './db/index.ts';
import type { NotificationKind } from './db/schema.ts';
import { queueMail } from './mail.ts';

export interface NotificationInput {
	kind: NotificationKind;
	planId?: number | null;
	clause?: string | null;
	threadId?: number | null;
	commentId?: number | null;
	roundId?: number | null;
	actorId?: number | null;
	/** An app path, e.g. `/plans/1/sections/8.4?thread=3`. */
	link: string;
	/** Plain text shown under the notification's title. */
	excerpt?: string;
}

const EXCERPT_LENGTH = 140;

export function excerptOf(text: string): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > EXCERPT_LENGTH ? `${flat.slice(0, EXCERPT_LENGTH - 1)}…` : flat;
}

/** One notification per user (never the actor themself). */
export function notify(userIds: Iterable<number>, input: NotificationInput): void {
	notifyEach([{ userIds, input }]);
}

/** Rows per INSERT when many notices go out at once. */
const NOTIFY_BATCH = 200;

/**
 * Many notices at once, each as `notify` would send it (批量答复: one per answered opinion), with
 * the rows inserted in batches instead of one statement each.
 */
export function notifyEach(
	notices: readonly { userIds: Iterable<number>; input: NotificationInput }[]
) {
	const rows = notices.flatMap(({ userIds, input }) =>
		[...new Set(userIds)]
			.filter((id) => id !== input.actorId)
			.map((userId) => ({
				userId,
				kind: input.kind,
				planId: input.planId ?? null,
				clause: input.clause ?? null,
				threadId: input.threadId ?? null,
				commentId: input.commentId ?? null,
				roundId: input.roundId ?? null,
				actorId: input.actorId ?? null,
				link: input.link,
				excerpt: excerptOf(input.excerpt ?? '')
			}))
	);
	for (let i = 0; i < rows.length; i += NOTIFY_BATCH)
		getDb()
			.insert(schema.notifications)
			.values(rows.slice(i, i + NOTIFY_BATCH))
			.run();
	for (const { userIds, input } of notices) {
		const recipients = [...new Set(userIds)].filter((id) => id !== input.actorId);
		if (recipients.length > 0)
			queueMail(recipients, {
				kind: input.kind,
				link: input.link,
				excerpt: excerptOf(input.excerpt ?? '')
			});
	}
}

export function unreadCount(userId: number): number {
	const { notifications } = schema;
	return (
		getDb()
			.select({ n: count() })
			.from(notifications)
			.where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
			.get()?.n ?? 0
	);
}

/** The newest notifications of a user, with who caused them and in which plan. */
export function listNotifications(userId: number, limit = 100) {
	const { notifications, users, plans } = schema;
	return getDb()
		.select({
			id: notifications.id,
			kind: notifications.kind,
			planId: notifications.planId,
			planName: plans.name,
			clause: notifications.clause,
			link: notifications.link,
			excerpt: notifications.excerpt,
			actor: users.displayName,
			read: notifications.readAt,
			createdAt: notifications.createdAt
		})
		.from(notifications)
		.leftJoin(users, eq(notifications.actorId, users.id))
		.leftJoin(plans, eq(notifications.planId, plans.id))
		.where(eq(notifications.userId, userId))
		.orderBy(desc(notifications.id))
		.limit(limit)
		.all()
		.map((n) => ({ ...n, read: n.read !== null }));
}

/** Marks some (or, without ids, all) of a user's notifications read. */
export function markRead(userId: number, ids?: readonly number[]): void {
	const { notifications } = schema;
	const mine = and(eq(notifications.userId, userId), isNull(notifications.readAt));
	getDb()
		.update(notifications)
		.set({ readAt: new Date() })
		.where(ids ? and(mine, inArray(notifications.id, [...ids])) : mine)
		.run();
}

/** Marks read what points at one thread (the user opened it). */
export function markThreadRead(userId: number, threadId: number): void {
	const { notifications } = schema;
	getDb()
		.update(notifications)
		.set({ readAt: new Date() })
		.where(
			and(
				eq(notifications.userId, userId),
				eq(notifications.threadId, threadId),
				isNull(notifications.readAt)
			)
		)
		.run();
}
