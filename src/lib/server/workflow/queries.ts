/** What the workflow pages show: progress of the four activities, one activity's state, timeline. */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { ACTIVITIES, ACTIVITY_CHAPTER, type Activity } from '../../standard/sections.ts';
import { countersignsNeeded, signOffStatus } from '../../workflow/policy.ts';
import type { Milestone } from '../../workflow/machine.ts';
import type { ActivityProgressItem, VersionSummary } from '../../workflow/progress.ts';
import { now as clockNow } from '../clock.ts';
import { getDb, schema } from '../db/index.ts';
import { loadObjections } from './objections.ts';
import { loadPolicy } from './policy.ts';
import { findActivityRow, signaturesOf } from './activity.ts';
import { stepDeadline } from './todo.ts';
import { getVersion } from './versions.ts';

function versionSummary(id: number | null): VersionSummary | null {
	const version = id ? getVersion(id) : undefined;
	return version
		? {
				id: version.id,
				milestone: version.milestone,
				seq: version.seq,
				hash: version.hash,
				supersededAt: version.supersededAt?.getTime() ?? null
			}
		: null;
}

/** The four activities at a glance (for ActivityProgress.svelte on the plan page). */
export function loadActivityProgress(planId: number, now = clockNow()): ActivityProgressItem[] {
	const rows = getDb()
		.select()
		.from(schema.planActivities)
		.where(eq(schema.planActivities.planId, planId))
		.all();
	return ACTIVITIES.map((activity) => {
		const row = rows.find((r) => r.activity === activity);
		const current = versionSummary(row?.currentVersionId ?? null);
		const policy = loadPolicy(planId, activity);
		const status = current
			? signOffStatus(policy, signaturesOf(planId, activity), current.hash)
			: undefined;
		const formed = current ? getVersion(current.id)?.createdAt.getTime() : undefined;
		const deadline =
			formed !== undefined &&
			policy.deadlineDays !== null &&
			(row?.state === 'review' || row?.state === 'approval')
				? stepDeadline(formed, policy.deadlineDays)
				: null;
		return {
			activity,
			chapter: ACTIVITY_CHAPTER[activity],
			state: row?.state ?? 'drafting',
			updatedAt: row?.updatedAt.getTime() ?? null,
			current,
			approved: versionSummary(row?.approvedVersionId ?? null),
			countersigned: status?.countersigned.length ?? 0,
			// 或签 / 比例 need fewer than all listed departments.
			departments: countersignsNeeded(policy),
			deadline,
			overdue: deadline !== null && deadline < now
		};
	});
}

/** Actions recorded in the workflow tables (versions, signatures); the rest live only in the audit log. */
const SIGNING_ACTIONS = new Set([
	'workflow.published',
	'workflow.submitted',
	'workflow.advanced',
	'workflow.approved',
	'workflow.countersigned',
	'workflow.confirmed',
	'workflow.returned'
]);

const MILESTONE_ACTION = {
	consultation: 'workflow.published',
	review: 'workflow.submitted',
	approval: 'workflow.advanced',
	final: 'workflow.approved'
} as const;

const SIGNATURE_ACTION = {
	countersign: 'workflow.countersigned',
	confirm: 'workflow.confirmed',
	return: 'workflow.returned'
} as const;

export interface TimelineEntry {
	/** `v<id>` (a version), `s<id>` (a signature) or `a<id>` (an audit-only event). */
	key: string;
	at: number;
	action: string;
	actor: string;
	/** Formed by the workflow itself (the 报批稿 when the policy is met), not by a person. */
	system: boolean;
	details: {
		hash?: string;
		milestone?: Milestone;
		text?: string;
		/** 会签: 同意 / 原则同意 / 不同意. */
		decision?: 'agree' | 'agree-with-comments' | 'disagree' | 'object';
	};
	opinions: number;
}

export interface TimelineDisagreement {
	kind: 'no-audit' | 'audit-only';
	action: string;
	actor: string;
	at: number;
}

interface Expected {
	entry: TimelineEntry;
	actorId: number | null;
	versionId: number;
	hash: string;
}

/**
 * Who did what, when, with which version hash — read from the workflow tables (versions and
 * signatures), which decide who signed; events those tables do not hold (closing a consultation,
 * resuming, reopening with its reason, policy changes, a failed sign-off) come from the audit log.
 * Every signing event is matched against its audit entry (action, actor, version, hash); events
 * without one, and signing entries in the audit log without a workflow record, are returned as
 * disagreements for the page to warn about.
 */
export function loadTimeline(
	planId: number,
	activity: Activity
): { entries: TimelineEntry[]; disagreements: TimelineDisagreement[] } {
	const { versions, signatures } = readSignedRecords(planId, activity);
	const expected = expectedEntries(versions, signatures, returnOpinionCounts(signatures));
	const audit = readActivityAudit(planId, activity);
	const { matched, disagreements } = matchAudit(expected, audit);
	const auditOnly: TimelineEntry[] = [];
	for (const x of audit) {
		if (SIGNING_ACTIONS.has(x.action)) {
			if (!matched.has(x.id))
				disagreements.push({
					kind: 'audit-only',
					action: x.action,
					actor: x.actor ?? '',
					at: x.at.getTime()
				});
			continue;
		}
		auditOnly.push(auditOnlyEntry(x));
	}
	const entries = [...expected.map((e) => e.entry), ...auditOnly].sort(
		(x, y) => y.at - x.at || (y.key < x.key ? -1 : 1)
	);
	return { entries, disagreements };
}

/** The activity's versions and signatures, with who made them: what decides who signed. */
function readSignedRecords(planId: number, activity: Activity) {
	const db = getDb();
	const v = schema.activityVersions;
	const s = schema.activitySignatures;
	const versions = db
		.select({
			id: v.id,
			milestone: v.milestone,
			hash: v.hash,
			waiver: v.waiver,
			at: v.createdAt,
			actorId: v.createdBy,
			actor: schema.users.displayName
		})
		.from(v)
		.leftJoin(schema.users, eq(v.createdBy, schema.users.id))
		.where(and(eq(v.planId, planId), eq(v.activity, activity)))
		.all();
	const signatures = db
		.select({
			id: s.id,
			kind: s.kind,
			hash: s.hash,
			versionId: s.versionId,
			at: s.createdAt,
			actorId: s.userId,
			actor: schema.users.displayName,
			milestone: v.milestone,
			decision: s.decision,
			opinion: s.opinion
		})
		.from(s)
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(v, eq(s.versionId, v.id))
		.where(and(eq(s.planId, planId), eq(s.activity, activity)))
		.all();
	return { versions, signatures };
}

type SignedRecords = ReturnType<typeof readSignedRecords>;

/** How many opinions each return carries. */
function returnOpinionCounts(signatures: SignedRecords['signatures']): Map<number, number> {
	const counts = new Map<number, number>();
	const returnIds = signatures.filter((r) => r.kind === 'return').map((r) => r.id);
	if (returnIds.length === 0) return counts;
	for (const o of getDb()
		.select({ signatureId: schema.returnOpinions.signatureId })
		.from(schema.returnOpinions)
		.where(inArray(schema.returnOpinions.signatureId, returnIds))
		.all())
		counts.set(o.signatureId, (counts.get(o.signatureId) ?? 0) + 1);
	return counts;
}

/** The timeline entries the workflow tables hold, each with what its audit entry must say. */
function expectedEntries(
	versions: SignedRecords['versions'],
	signatures: SignedRecords['signatures'],
	opinionCounts: Map<number, number>
): Expected[] {
	// The 签发意见 is shown with the 定稿 it produced (same hash).
	const approvalOpinion = new Map(
		signatures.filter((r) => r.kind === 'approve' && r.opinion).map((r) => [r.hash, r.opinion])
	);
	return [
		...versions.map((r): Expected => {
			const action = MILESTONE_ACTION[r.milestone];
			// The workflow forms the 报批稿 itself, unless the plan admin forwarded it (报批).
			const system = action === 'workflow.advanced' && r.actorId === null;
			const text = r.milestone === 'final' ? approvalOpinion.get(r.hash) : (r.waiver ?? undefined);
			return {
				entry: {
					key: `v${r.id}`,
					at: r.at.getTime(),
					action,
					actor: system ? '' : (r.actor ?? ''),
					system,
					details: { hash: r.hash, milestone: r.milestone, text: text ?? undefined },
					opinions: 0
				},
				actorId: system ? null : r.actorId,
				versionId: r.id,
				hash: r.hash
			};
		}),
		// The approval's signature is shown as its 定稿 (same hash, same person, same moment).
		...signatures.flatMap(({ kind, ...r }): Expected[] =>
			kind === 'approve'
				? []
				: [
						{
							entry: {
								key: `s${r.id}`,
								at: r.at.getTime(),
								action: SIGNATURE_ACTION[kind],
								actor: r.actor,
								system: false,
								details: {
									hash: r.hash,
									milestone: r.milestone,
									text: r.opinion ?? undefined,
									decision: r.decision ?? undefined
								},
								opinions: opinionCounts.get(r.id) ?? 0
							},
							actorId: r.actorId,
							versionId: r.versionId,
							hash: r.hash
						}
					]
		)
	];
}

/** The audit log's entries about this activity, oldest first, details parsed. */
function readActivityAudit(planId: number, activity: Activity) {
	const a = schema.auditLog;
	return getDb()
		.select({
			id: a.id,
			at: a.at,
			action: a.action,
			details: a.details,
			actorId: a.actorId,
			actor: schema.users.displayName
		})
		.from(a)
		.leftJoin(schema.users, eq(a.actorId, schema.users.id))
		.where(and(eq(a.planId, planId), eq(a.target, `activity:${activity}`)))
		.orderBy(asc(a.id))
		.all()
		.map((entry) => {
			let details: Record<string, unknown> = {};
			try {
				details = JSON.parse(entry.details) as Record<string, unknown>;
			} catch {
				// An unreadable entry matches nothing and shows as a disagreement.
			}
			return { ...entry, details };
		});
}

type ActivityAuditEntry = ReturnType<typeof readActivityAudit>[number];

/** Each expected entry matched to one audit entry (action, actor, version, hash), or reported. */
function matchAudit(expected: readonly Expected[], audit: readonly ActivityAuditEntry[]) {
	const matched = new Set<number>();
	const disagreements: TimelineDisagreement[] = [];
	for (const e of expected) {
		const hit = audit.find(
			(x) =>
				!matched.has(x.id) &&
				x.action === e.entry.action &&
				x.details.versionId === e.versionId &&
				x.details.hash === e.hash &&
				(e.entry.system || x.actorId === e.actorId)
		);
		if (hit) matched.add(hit.id);
		else
			disagreements.push({
				kind: 'no-audit',
				action: e.entry.action,
				actor: e.entry.actor,
				at: e.entry.at
			});
	}
	return { matched, disagreements };
}

/** An event only the audit log holds (closing a round, resuming, reopening, policy changes). */
function auditOnlyEntry(x: ActivityAuditEntry): TimelineEntry {
	// Free text a person wrote (a reopening's reason, feedback); codes such as a failed sign-off's
	// reason are not shown as words of their own.
	const text =
		x.action === 'workflow.reopened' ||
		x.action === 'workflow.feedback' ||
		x.action === 'workflow.feedback_answered'
			? (x.details.reason ?? x.details.text)
			: x.action === 'workflow.objection_answered'
				? x.details.answer
				: undefined;
	return {
		key: `a${x.id}`,
		at: x.at.getTime(),
		action: x.action,
		actor: x.actor ?? '',
		system: false,
		details: typeof text === 'string' && text ? { text } : {},
		opinions: 0
	};
}

/** Returns with their opinions, newest first; each opinion points to its section. */
export function loadReturns(planId: number, activity: Activity) {
	const s = schema.activitySignatures;
	const returns = getDb()
		.select({
			id: s.id,
			at: s.createdAt,
			hash: s.hash,
			versionId: s.versionId,
			user: schema.users.displayName,
			organization: schema.organizations.name
		})
		.from(s)
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(s.organizationId, schema.organizations.id))
		.where(and(eq(s.planId, planId), eq(s.activity, activity), eq(s.kind, 'return')))
		.orderBy(desc(s.id))
		.all();
	if (returns.length === 0) return [];
	const opinions = getDb()
		.select()
		.from(schema.returnOpinions)
		.where(
			inArray(
				schema.returnOpinions.signatureId,
				returns.map((r) => r.id)
			)
		)
		.orderBy(asc(schema.returnOpinions.id))
		.all();
	return returns.map((r) => ({
		...r,
		at: r.at.getTime(),
		opinions: opinions
			.filter((o) => o.signatureId === r.id)
			.map((o) => ({ clause: o.clause, text: o.text }))
	}));
}

/**
 * Signatures given to one version (for its page): countersigns and confirmations to the 送审稿,
 * the 签发 to the 报批稿 — and, on a 定稿, the 签发 that formed it.
 */
export function loadVersionSignatures(version: {
	id: number;
	planId: number;
	activity: Activity;
	milestone: Milestone;
	hash: string;
}) {
	const s = schema.activitySignatures;
	const rows = getDb()
		.select({ id: s.id, versionId: s.versionId, kind: s.kind })
		.from(s)
		.where(
			and(eq(s.planId, version.planId), eq(s.activity, version.activity), eq(s.hash, version.hash))
		)
		.all();
	const ids = new Set(
		rows
			.filter(
				(r) => r.versionId === version.id || (version.milestone === 'final' && r.kind === 'approve')
			)
			.map((r) => r.id)
	);
	return loadSignatures(version.planId, version.activity, version.hash, ids);
}

/** Signatures given to one hash, with names (for the sign-off panel); 有异议 with its answer. */
export function loadSignatures(
	planId: number,
	activity: Activity,
	hash: string,
	only?: ReadonlySet<number>
) {
	const s = schema.activitySignatures;
	const objections = new Map(
		loadObjections(planId, activity, hash).map((o) => [
			o.signatureId,
			{ clause: o.clause, answer: o.answer }
		])
	);
	return getDb()
		.select({
			id: s.id,
			kind: s.kind,
			at: s.createdAt,
			userId: s.userId,
			user: schema.users.displayName,
			organizationId: s.organizationId,
			organization: schema.organizations.name,
			participant: s.participant,
			decision: s.decision,
			opinion: s.opinion
		})
		.from(s)
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(s.organizationId, schema.organizations.id))
		.where(and(eq(s.planId, planId), eq(s.activity, activity), eq(s.hash, hash)))
		.orderBy(asc(s.id))
		.all()
		.filter((r) => !only || only.has(r.id))
		.map((r) => ({ ...r, at: r.at.getTime(), objection: objections.get(r.id) ?? null }));
}

/**
 * Opinions of the activity's latest return that concern one section, while the activity is being
 * fixed (returned, or drafting again after it): for the section page (SectionOpinions.svelte).
 */
export function loadSectionOpinions(planId: number, clause: string, activity: Activity) {
	const row = findActivityRow(planId, activity);
	if (!row || (row.state !== 'returned' && row.state !== 'drafting')) return [];
	const latest = loadReturns(planId, activity)[0];
	if (!latest || latest.versionId !== row.currentVersionId) return [];
	return latest.opinions
		.filter((o) => o.clause === clause)
		.map((o) => ({
			text: o.text,
			user: latest.user,
			organization: latest.organization,
			at: latest.at
		}));
}
