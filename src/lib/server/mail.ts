/**
 * 待办 by e-mail (issue 14). When SMTP_URL is set, a notice that asks someone to act (a new task, a
 * reminder, an objection to answer) is also mailed to the user's address, if they gave one.
 *
 * The notice and its e-mail are written together (mail_outbox, in the caller's transaction), so
 * only what committed is sent; sending happens off the request path (setImmediate after the
 * synchronous transaction has ended), is retried with back-off, and a failure is logged, never
 * thrown at a request or left to crash the process. Rows outlive a restart: the sender picks up
 * what is due at start.
 */
import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import nodemailer from 'nodemailer';
import { m } from '../paraglide/messages.js';
import { config } from './config.ts';
import { getDb, schema } from './db/index.ts';
import type { NotificationKind } from './db/schema.ts';
import { logger } from './log.ts';

const log = logger('mail');

/** The kinds of notice that ask the recipient to act: these are mailed. */
export const MAILED_KINDS: ReadonlySet<NotificationKind> = new Set<NotificationKind>([
	'task',
	'task_due',
	'task_overdue',
	'objection'
]);

/** Waits before the 2nd, 3rd, … attempt; after the last one the e-mail is given up (logged). */
const RETRY_MS = [5_000, 30_000, 120_000, 600_000, 3_600_000, 6 * 3_600_000];
/** How long one sender holds a row it is sending (another instance leaves it alone meanwhile). */
const HOLD_MS = 5 * 60_000;
const BATCH = 50;

type Transport = ReturnType<typeof nodemailer.createTransport>;
let transport: Transport | undefined;
let timer: NodeJS.Timeout | undefined;
let draining = false;
let again = false;
let stopped = false;

function getTransport(url: string): Transport {
	transport ??= nodemailer.createTransport({
		url,
		// A mail server that does not answer must not hold a sender for minutes.
		connectionTimeout: 10_000,
		greetingTimeout: 10_000,
		socketTimeout: 30_000
	});
	return transport;
}

const TITLES: Partial<Record<NotificationKind, () => string>> = {
	task: () => m.inbox_kind_task({}, { locale: 'zh-CN' }),
	task_due: () => m.inbox_kind_task_due({}, { locale: 'zh-CN' }),
	task_overdue: () => m.inbox_kind_task_overdue({}, { locale: 'zh-CN' }),
	objection: () => m.inbox_kind_objection({}, { locale: 'zh-CN' })
};

export interface MailNotice {
	kind: NotificationKind;
	link: string;
	excerpt: string;
}

/** The e-mail of one notice: a subject a clerk recognises and a body that says where to act. */
export function composeMail(displayName: string, notice: MailNotice) {
	const title = TITLES[notice.kind]?.() ?? m.todo_title({}, { locale: 'zh-CN' });
	const where = config.ORIGIN ? new URL(notice.link, config.ORIGIN).href : notice.link;
	const subject = `【${m.app_name({}, { locale: 'zh-CN' })}】${title}${notice.excerpt ? `：${notice.excerpt}` : ''}`;
	const body = [
		m.mail_greeting({ name: displayName }, { locale: 'zh-CN' }),
		'',
		title,
		notice.excerpt,
		'',
		m.mail_where({ link: where }, { locale: 'zh-CN' }),
		'',
		m.mail_footer({}, { locale: 'zh-CN' })
	].join('\n');
	return { subject, body };
}

/**
 * Queues the e-mails of a notice for those of `userIds` who gave an address (nothing without
 * SMTP_URL or for a kind that asks nothing). Call it inside the notice's transaction.
 */
export function queueMail(userIds: readonly number[], notice: MailNotice): void {
	if (!config.SMTP_URL || !MAILED_KINDS.has(notice.kind) || userIds.length === 0) return;
	const db = getDb();
	const recipients = db
		.select({
			id: schema.users.id,
			email: schema.users.email,
			name: schema.users.displayName,
			disabledAt: schema.users.disabledAt
		})
		.from(schema.users)
		.where(inArray(schema.users.id, [...userIds]))
		.all()
		.filter((u) => u.email && !u.disabledAt);
	if (recipients.length === 0) return;
	const now = new Date();
	db.insert(schema.mailOutbox)
		.values(
			recipients.map((u) => ({
				userId: u.id,
				toAddress: u.email ?? '',
				...composeMail(u.name, notice),
				nextAttemptAt: now
			}))
		)
		.run();
	// After the current synchronous work (and so the caller's transaction) has finished.
	setImmediate(() => void drain());
}

type Row = typeof schema.mailOutbox.$inferSelect;

function dueRows(now: number): Row[] {
	const o = schema.mailOutbox;
	return getDb()
		.select()
		.from(o)
		.where(and(isNull(o.sentAt), isNull(o.failedAt), lte(o.nextAttemptAt, new Date(now))))
		.orderBy(asc(o.id))
		.limit(BATCH)
		.all();
}

/** Takes a row for sending unless another sender took it first (compare-and-set on the time). */
function claim(row: Row, now: number): boolean {
	const o = schema.mailOutbox;
	const result = getDb()
		.update(o)
		.set({ nextAttemptAt: new Date(now + HOLD_MS) })
		.where(and(eq(o.id, row.id), isNull(o.sentAt), eq(o.nextAttemptAt, row.nextAttemptAt)))
		.run();
	return result.changes === 1;
}

async function deliver(url: string, row: Row): Promise<void> {
	const o = schema.mailOutbox;
	try {
		await getTransport(url).sendMail({
			from: config.MAIL_FROM,
			to: row.toAddress,
			subject: row.subject,
			text: row.body
		});
		getDb()
			.update(o)
			.set({ sentAt: new Date(), attempts: row.attempts + 1, lastError: null })
			.where(eq(o.id, row.id))
			.run();
		log.info({ mailId: row.id, userId: row.userId }, 'mail sent');
	} catch (error) {
		const attempts = row.attempts + 1;
		const wait = RETRY_MS[attempts - 1];
		const message = error instanceof Error ? error.message : String(error);
		getDb()
			.update(o)
			.set({
				attempts,
				lastError: message.slice(0, 500),
				...(wait === undefined
					? { failedAt: new Date() }
					: { nextAttemptAt: new Date(Date.now() + wait) })
			})
			.where(eq(o.id, row.id))
			.run();
		if (wait === undefined)
			log.error({ mailId: row.id, userId: row.userId, attempts, err: message }, 'mail given up');
		else log.warn({ mailId: row.id, attempts, retryInMs: wait, err: message }, 'mail failed');
	}
}

/** The next time a queued e-mail falls due, or undefined when none waits. */
function nextDue(): number | undefined {
	const o = schema.mailOutbox;
	const row = getDb()
		.select({ at: o.nextAttemptAt })
		.from(o)
		.where(and(isNull(o.sentAt), isNull(o.failedAt)))
		.orderBy(asc(o.nextAttemptAt))
		.limit(1)
		.get();
	return row?.at.getTime();
}

function schedule(): void {
	if (stopped) return;
	clearTimeout(timer);
	const due = nextDue();
	if (due === undefined) return;
	// Capped so a clock change or a row written by another instance is noticed within the hour.
	const wait = Math.min(Math.max(0, due - Date.now()), 3_600_000);
	timer = setTimeout(() => void drain(), wait);
	timer.unref();
}

/** Sends everything due; one run at a time, re-run when more arrived meanwhile. Never throws. */
export async function drain(): Promise<void> {
	const url = config.SMTP_URL;
	if (!url || stopped) return;
	if (draining) {
		again = true;
		return;
	}
	draining = true;
	try {
		do {
			again = false;
			let rows = dueRows(Date.now());
			while (rows.length > 0 && !stopped) {
				for (const row of rows) if (claim(row, Date.now())) await deliver(url, row);
				rows = dueRows(Date.now());
			}
		} while (again && !stopped);
	} catch (error) {
		log.error({ err: error }, 'mail sender failed');
	} finally {
		draining = false;
		try {
			schedule();
		} catch (error) {
			log.error({ err: error }, 'mail sender could not schedule');
		}
	}
}

/** At start: send what an earlier run left queued. */
export function startMail(): void {
	if (!config.SMTP_URL) return;
	log.info({ from: config.MAIL_FROM }, 'e-mail notifications on');
	setImmediate(() => void drain());
}

export function stopMail(): void {
	stopped = true;
	clearTimeout(timer);
	transport?.close();
}
