/**
 * Where an export's content comes from:
 *
 * - `liveDraftSource`: the live draft (marked 草稿), read from the collaboration server (live
 *   documents when loaded, else SQLite), with every sign-off record so far;
 * - `frozenVersionSource`: one frozen version of one activity (征求意见稿 / 送审稿 / 报批稿 / 定稿),
 *   its sections decoded from the Yjs state stored in the hashed payload — exactly what was signed —
 *   with the records bound to its hash;
 * - `compilationSource`: the 定稿汇编, every activity's current (not superseded) 定稿 the same way,
 *   activities without one marked 未定稿.
 */
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { chapterTitle } from '../../export/model.ts';
import type {
	ActivityStamp,
	ConsultationReport,
	FeedbackRecord,
	SignoffRecord,
	VersionStamp
} from '../../export/types.ts';
import { WORDS } from '../../export/vocabulary.ts';
import {
	ACTIVITY_WORDS,
	DISPOSITION_WORDS,
	PARTICIPANT_WORDS,
	REPORT_WORDS,
	STANCE_WORDS
} from '../../consultation/vocabulary.ts';
import { listRounds, loadRoundReport, type RoundReport } from '../consultation/report.ts';
import { reportsOfRecord } from '../consultation/record.ts';
import { periodText } from '../../consultation/period.ts';
import {
	ACTIVITIES,
	ACTIVITY_CHAPTER,
	findSection,
	sectionDocumentName,
	type Activity
} from '../../standard/sections.ts';
import type { Milestone } from '../../workflow/machine.ts';
import type { VersionPayload } from '../../workflow/version.ts';
import { getCollab } from '../collab.ts';
import { getDb, schema } from '../db/index.ts';
import { feedbackRecords } from '../feedback/export.ts';
import { verifyVersionRow, type IntegrityFailure } from '../workflow/integrity.ts';

/**
 * A frozen version of the export failed its integrity check: the export is refused (409), never
 * printed with a hash over content that does not match it.
 */
export class IntegrityError extends Error {
	constructor(readonly failures: IntegrityFailure[]) {
		super('integrity check failed');
		this.name = 'IntegrityError';
	}
}

/** A format 1 version (frozen before records were): its appendix is today's, and says so. */
const RECORD_NOT_FROZEN =
	'（签发时未记录意见采纳情况；以下为导出时的记录，不在该版本哈希值的范围内）';

export interface ExportSource {
	version: VersionStamp;
	/**
	 * The section's Yjs state as one update, or undefined when the source has no content for it (a
	 * section of an activity the version does not contain).
	 */
	sectionState(clause: string): Promise<Uint8Array | undefined> | Uint8Array | undefined;
	signoffs(): Promise<SignoffRecord[]> | SignoffRecord[];
	/** 5.1.3 feedback on the exported versions (src/lib/server/feedback/export.ts). */
	feedback?(): FeedbackRecord[];
	consultations(): Promise<ConsultationReport[]> | ConsultationReport[];
}

/**
 * What the consultation rounds (being built elsewhere) are expected to supply: the
 * 意见采纳情况说明 of one round, as `ConsultationReport` (round name, dates, summary, and each
 * comment with who made it, where, the decision and the reason).
 */
export type LoadRoundReport = (
	roundId: number
) => Promise<ConsultationReport | undefined> | ConsultationReport | undefined;

/**
 * The 意见采纳情况说明 belonging to an export: the reports of the plan's consultation rounds (for a
 * version: the rounds of its activities). Empty until the rounds exist; the lead wires
 * `loadRoundReport` here.
 */
export function consultationReports(
	planId: number,
	activities: readonly Activity[] | null
): ConsultationReport[] {
	// Oldest round first, as the appendix tells the consultation's story in order.
	const reports = listRounds(planId)
		.filter((r) => !activities || activities.includes(r.activity))
		.reverse()
		.flatMap((r) => loadRoundReport(r.id) ?? []);
	return appendixOf(reports);
}

/**
 * The 意见采纳情况说明 of frozen versions: from the record frozen in each payload (format 2), so the
 * appendix is exactly what the hash covers; a format 1 payload falls back to the live record,
 * marked as such.
 */
function frozenConsultations(planId: number, payloads: readonly VersionPayload[]) {
	const reports: { report: RoundReport; note?: string }[] = [];
	for (const payload of payloads) {
		if (payload.consultation) {
			for (const report of reportsOfRecord(
				payload.consultation,
				{ id: planId, name: '' },
				payload.activity
			))
				reports.push({ report });
		} else {
			for (const r of listRounds(planId)
				.filter((r) => r.activity === payload.activity)
				.reverse()) {
				const report = loadRoundReport(r.id);
				if (report) reports.push({ report, note: RECORD_NOT_FROZEN });
			}
		}
	}
	return appendixOf(
		reports.map((r) => r.report),
		reports.map((r) => r.note)
	);
}

/** Round reports (oldest first) as the appendix's entries, numbered per activity. */
function appendixOf(
	reports: readonly RoundReport[],
	notes: readonly (string | undefined)[] = []
): ConsultationReport[] {
	return reports.map((report, index) => {
		const seq = reports
			.slice(0, index + 1)
			.filter((o) => o.round.activity === report.round.activity).length;
		const { totals, total } = report;
		const summary = REPORT_WORDS.summary(
			total,
			totals.adopted,
			totals.partial,
			totals.rejected,
			totals.pending
		);
		return {
			round: `${ACTIVITY_WORDS[report.round.activity]}第${seq}轮征求意见（${WORDS.milestones.consultation}第${report.round.versionSeq}版）`,
			from: new Date(report.round.opensAt).toISOString(),
			to: new Date(report.round.closedAt ?? report.round.closesAt).toISOString(),
			// Planned and actual period, in the instance's zone (not UTC days: a round opened on
			// 12-06 China time is 12-05 in UTC).
			period: periodText(report.round),
			summary: notes[index] ? `${notes[index]}${summary}` : summary,
			items: report.sections.flatMap((section) =>
				section.rows.map((row) => ({
					from: `${row.who}（${PARTICIPANT_WORDS[row.participantType]}，${STANCE_WORDS[row.stance]}）`,
					section: `${section.clause} ${section.title}`,
					comment: row.body,
					decision: DISPOSITION_WORDS[row.disposition ?? 'pending'],
					reason: row.reason ?? ''
				}))
			)
		};
	});
}

/** 定稿（第3版）, or 定稿（第3版，已被取代） for a 定稿 superseded by a reopening. */
export function versionLabel(version: {
	milestone: Milestone;
	seq: number;
	supersededAt?: Date | null;
}): string {
	const seq = WORDS.edition.replace('{n}', String(version.seq));
	return `${WORDS.milestones[version.milestone]}（${seq}${version.supersededAt ? `，${WORDS.superseded}` : ''}）`;
}

/** SHA-256 over `activity:hash` lines (`-` for 未定稿), each ending with a newline. */
export function compilationHash(
	activities: readonly Pick<ActivityStamp, 'activity' | 'hash'>[]
): string {
	const text = activities.map((a) => `${a.activity}:${a.hash ?? '-'}\n`).join('');
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Sign-off records: countersigns, confirmations, returns and approvals with who, role,
 * organization, time, decision and hash — in chapter order, then in the order they were given.
 * `scope` limits them to given activities' hashes; without it, all of the plan's.
 */
export function loadSignoffs(
	planId: number,
	scope?: ReadonlyMap<Activity, string>
): SignoffRecord[] {
	const rows = readSignatures(planId, scope);
	const opinions = readReturnOpinions(rows.filter((r) => r.kind === 'return').map((r) => r.id));
	const answers = readObjectionAnswers(
		rows.filter((r) => r.decision === 'object').map((r) => r.id)
	);
	const signed = rows.map((r) => signatureRecord(r, opinions, answers));
	return [...signed, ...waiverRecords(planId, scope)]
		.sort((a, b) => a.order - b.order || a.at - b.at)
		.map(({ at: _at, order: _order, ...record }) => record);
}

/** A record with what it is sorted by (chapter, then time); both are dropped before export. */
type OrderedRecord = SignoffRecord & { at: number; order: number };

const activityOrder = (a: Activity) => ACTIVITIES.indexOf(a);

function readSignatures(planId: number, scope?: ReadonlyMap<Activity, string>) {
	const s = schema.activitySignatures;
	const v = schema.activityVersions;
	return getDb()
		.select({
			id: s.id,
			activity: s.activity,
			kind: s.kind,
			hash: s.hash,
			participant: s.participant,
			decision: s.decision,
			opinion: s.opinion,
			at: s.createdAt,
			name: schema.users.displayName,
			organization: schema.organizations.name,
			milestone: v.milestone,
			seq: v.seq
		})
		.from(s)
		.innerJoin(schema.users, eq(s.userId, schema.users.id))
		.innerJoin(schema.organizations, eq(s.organizationId, schema.organizations.id))
		.innerJoin(v, eq(s.versionId, v.id))
		.where(eq(s.planId, planId))
		.orderBy(asc(s.createdAt), asc(s.id))
		.all()
		.filter((r) => !scope || scope.get(r.activity) === r.hash);
}

type SignatureRow = ReturnType<typeof readSignatures>[number];

function readReturnOpinions(returnIds: readonly number[]) {
	if (returnIds.length === 0) return [];
	return getDb()
		.select({
			signatureId: schema.returnOpinions.signatureId,
			clause: schema.returnOpinions.clause,
			text: schema.returnOpinions.text
		})
		.from(schema.returnOpinions)
		.where(inArray(schema.returnOpinions.signatureId, [...returnIds]))
		.orderBy(asc(schema.returnOpinions.id))
		.all();
}

/** 有异议 (issue 14): the objection's section and the owning department's answer, by signature. */
function readObjectionAnswers(
	signatureIds: readonly number[]
): Map<number, { clause: string | null; answer: string }> {
	const answers = new Map<number, { clause: string | null; answer: string }>();
	if (signatureIds.length === 0) return answers;
	const o = schema.participationObjections;
	for (const row of getDb()
		.select({
			signatureId: o.signatureId,
			clause: o.clause,
			answer: o.answer,
			name: schema.users.displayName,
			organization: schema.organizations.name
		})
		.from(o)
		.leftJoin(schema.users, eq(o.answeredBy, schema.users.id))
		.leftJoin(schema.organizations, eq(o.answeredOrganizationId, schema.organizations.id))
		.where(inArray(o.signatureId, [...signatureIds]))
		.all())
		answers.set(row.signatureId, {
			clause: row.clause,
			answer:
				row.answer === null
					? WORDS.signoffObjectionOpen
					: WORDS.signoffObjectionAnswer
							.replace('{organization}', row.organization ?? '')
							.replace('{name}', row.name ?? '')
							.replace('{text}', row.answer)
		});
	return answers;
}

function signatureRecord(
	r: SignatureRow,
	opinions: ReturnType<typeof readReturnOpinions>,
	answers: ReadonlyMap<number, { clause: string | null; answer: string }>
): OrderedRecord {
	const role =
		r.kind === 'confirm'
			? WORDS.signoffRoles[r.participant === 'enterprise' ? 'enterprise' : 'resident']
			: r.kind === 'approve' || (r.kind === 'return' && r.milestone === 'approval')
				? WORDS.signoffRoles.approver
				: WORDS.signoffRoles.reviewer;
	// The signer's own words (会签意见, 签发意见), then a return's opinions by section.
	const returned = opinions
		.filter((o) => o.signatureId === r.id)
		.map((o) => (o.clause ? `${o.clause} ${o.text}` : o.text));
	// 有异议: the section and the objection, then its answer (or 尚未答复).
	const objection = answers.get(r.id);
	const comment = (
		objection
			? [`${objection.clause ? `${objection.clause} ` : ''}${r.opinion ?? ''}`, objection.answer]
			: r.kind === 'return' && r.decision === 'disagree'
				? returned
				: [...(r.opinion ? [r.opinion] : []), ...returned]
	).join('；');
	return {
		name: r.name,
		role,
		organization: r.organization,
		time: r.at.toISOString(),
		decision: r.decision
			? WORDS.signoffCountersignDecisions[r.decision]
			: WORDS.signoffDecisions[r.kind],
		versionHash: r.hash,
		subject: versionLabel(r),
		activity: chapterTitle(ACTIVITY_CHAPTER[r.activity]),
		...(comment ? { comment } : {}),
		at: r.at.getTime(),
		order: activityOrder(r.activity)
	};
}

/** 送审 without a consultation round: the admin's reason is part of the record (issue 14). */
function waiverRecords(planId: number, scope?: ReadonlyMap<Activity, string>): OrderedRecord[] {
	const v = schema.activityVersions;
	return getDb()
		.select({
			activity: v.activity,
			hash: v.hash,
			reason: v.consultationWaiver,
			at: v.createdAt,
			milestone: v.milestone,
			seq: v.seq,
			name: schema.users.displayName,
			organization: schema.organizations.name
		})
		.from(v)
		.innerJoin(schema.users, eq(v.createdBy, schema.users.id))
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.where(and(eq(v.planId, planId), isNotNull(v.consultationWaiver)))
		.all()
		.filter((r) => !scope || scope.get(r.activity) === r.hash)
		.map((r) => ({
			name: r.name,
			role: WORDS.signoffRoles.admin,
			organization: r.organization,
			time: r.at.toISOString(),
			decision: WORDS.signoffConsultationWaived,
			versionHash: r.hash,
			subject: versionLabel(r),
			activity: chapterTitle(ACTIVITY_CHAPTER[r.activity]),
			comment: r.reason ?? '',
			at: r.at.getTime(),
			order: activityOrder(r.activity)
		}));
}

/** The live draft, marked 草稿, with every sign-off record so far. */
export function liveDraftSource(planId: number, now = new Date()): ExportSource {
	return {
		version: { kind: 'draft', label: WORDS.draft, hash: null, at: now.toISOString() },
		sectionState: (clause) => getCollab().readState(sectionDocumentName(planId, clause)),
		signoffs: () => loadSignoffs(planId),
		feedback: () => feedbackRecords(planId),
		consultations: () => consultationReports(planId, null)
	};
}

/** Sections of frozen payloads: the Yjs state stored in each (base64 in the hashed payload). */
function frozenSections(payloads: readonly VersionPayload[]) {
	const states = new Map<string, string>();
	for (const payload of payloads)
		for (const section of payload.sections) states.set(section.clause, section.yjs);
	return (clause: string): Uint8Array | undefined => {
		const state = states.get(clause);
		return state === undefined ? undefined : new Uint8Array(Buffer.from(state, 'base64'));
	};
}

type VersionRow = typeof schema.activityVersions.$inferSelect;

/** The verified payloads of versions; throws IntegrityError naming every one that fails. */
function verifiedPayloads(versions: readonly VersionRow[]): VersionPayload[] {
	const results = versions.map(verifyVersionRow);
	const failures = results.flatMap((r) => (r.ok ? [] : [r.failure]));
	if (failures.length > 0) throw new IntegrityError(failures);
	return results.flatMap((r) => (r.ok ? [r.payload] : []));
}

function activityStamp(version: VersionRow): ActivityStamp {
	const chapter = ACTIVITY_CHAPTER[version.activity];
	return {
		activity: version.activity,
		chapter,
		title: chapterTitle(chapter),
		label: versionLabel(version),
		hash: version.hash
	};
}

/** One frozen version of one activity; undefined when it is not the plan's. */
export function frozenVersionSource(planId: number, versionId: number): ExportSource | undefined {
	const version = getDb()
		.select()
		.from(schema.activityVersions)
		.where(
			and(eq(schema.activityVersions.id, versionId), eq(schema.activityVersions.planId, planId))
		)
		.get();
	if (!version) return undefined;
	const [payload] = verifiedPayloads([version]);
	const stamp = activityStamp(version);
	return {
		version: {
			kind: 'version',
			label: `${stamp.title}·${stamp.label}`,
			hash: version.hash,
			at: version.createdAt.toISOString(),
			activities: [stamp]
		},
		sectionState: frozenSections([payload]),
		signoffs: () => loadSignoffs(planId, new Map([[version.activity, version.hash]])),
		feedback: () => feedbackRecords(planId, new Map([[version.activity, version.hash]])),
		consultations: () => frozenConsultations(planId, [payload])
	};
}

/** Each activity's current 定稿 (superseded ones do not count). */
export function currentFinals(planId: number): Map<Activity, VersionRow> {
	const rows = getDb()
		.select({ version: schema.activityVersions })
		.from(schema.planActivities)
		.innerJoin(
			schema.activityVersions,
			eq(schema.planActivities.approvedVersionId, schema.activityVersions.id)
		)
		.where(
			and(eq(schema.planActivities.planId, planId), isNull(schema.activityVersions.supersededAt))
		)
		.all();
	return new Map(rows.map((r) => [r.version.activity, r.version]));
}

/** The 定稿汇编: every activity's current 定稿; undefined when no activity has one. */
export function compilationSource(planId: number): ExportSource | undefined {
	const finals = currentFinals(planId);
	if (finals.size === 0) return undefined;
	const payloads = verifiedPayloads([...finals.values()]);
	const activities = ACTIVITIES.map((activity): ActivityStamp => {
		const version = finals.get(activity);
		if (version) return activityStamp(version);
		const chapter = ACTIVITY_CHAPTER[activity];
		return { activity, chapter, title: chapterTitle(chapter), label: WORDS.notFinal, hash: null };
	});
	const scope = new Map(
		activities.flatMap((a) => (a.hash ? [[a.activity as Activity, a.hash] as const] : []))
	);
	const latest = Math.max(...[...finals.values()].map((v) => v.createdAt.getTime()));
	const load = frozenSections(payloads);
	return {
		version: {
			kind: 'compilation',
			label: WORDS.compilation,
			hash: compilationHash(activities),
			at: new Date(latest).toISOString(),
			activities
		},
		// Only sections of activities with a 定稿 (a payload carries its own activity's sections).
		sectionState: (clause) => {
			const activity = findSection(clause)?.activity;
			return activity && scope.has(activity) ? load(clause) : undefined;
		},
		signoffs: () => loadSignoffs(planId, scope),
		feedback: () => feedbackRecords(planId, scope),
		consultations: () =>
			frozenConsultations(
				planId,
				ACTIVITIES.flatMap((a) => payloads.filter((p) => p.activity === a))
			)
	};
}
