/**
 * The whole database schema in one file (STYLE.md "Data"). camelCase keys over snake_case columns;
 * row types come from `$inferSelect`. Timestamps are Unix milliseconds (`timestamp_ms`).
 */
import { STEP_MODES } from '../../workflow/policy.ts';
import { sql } from 'drizzle-orm';
import {
	blob,
	index,
	integer,
	primaryKey,
	sqliteTable,
	text,
	uniqueIndex
} from 'drizzle-orm/sqlite-core';
import { ACTIVITY_STATES, ORGANIZATION_TYPES, PLAN_ROLES } from '../../roles.ts';
import { ACTIVITIES } from '../../standard/sections.ts';

/** A timestamp column that SQLite fills with the current time in milliseconds. */
const now = (column: string) =>
	integer(column, { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
const createdAt = () => now('created_at');

export const organizations = sqliteTable('organizations', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull().unique(),
	type: text('type', { enum: ORGANIZATION_TYPES }).notNull(),
	createdAt: createdAt()
});

export const users = sqliteTable('users', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	/** Login name, stored lower-case. */
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	organizationId: integer('organization_id')
		.notNull()
		.references(() => organizations.id),
	/** System administrators create accounts, organizations and plans. */
	isSystemAdmin: integer('is_system_admin', { mode: 'boolean' }).notNull().default(false),
	disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
	passwordChangedAt: integer('password_changed_at', { mode: 'timestamp_ms' }),
	/** Where 待办 and reminders are also e-mailed when SMTP_URL is set (issue 14); optional. */
	email: text('email'),
	createdAt: createdAt()
});

/** Lucia-guide sessions: the id is the SHA-256 of the token; the token itself is never stored. */
export const sessions = sqliteTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** Idle expiry, pushed forward while the session is used. */
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		/** Absolute lifetime, never extended (OWASP ASVS 5 §7.3). */
		absoluteExpiresAt: integer('absolute_expires_at', { mode: 'timestamp_ms' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * Rate-limit counters (src/lib/server/rate-limit.ts): the layout rate-limiter-flexible's SQLite store
 * expects. `key` is `<limiter>:<key>`, `expire` epoch milliseconds (null: never).
 */
export const rateLimits = sqliteTable('rate_limits', {
	key: text('key').primaryKey(),
	points: integer('points').notNull().default(0),
	expire: integer('expire')
});

export const plans = sqliteTable('plans', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	city: text('city').notNull(),
	leadOrganizationId: integer('lead_organization_id')
		.notNull()
		.references(() => organizations.id),
	periodStart: integer('period_start').notNull(),
	periodEnd: integer('period_end').notNull(),
	/** Optional 展望 year beyond the period (展望2035); null when the plan has none. */
	horizonYear: integer('horizon_year'),
	/**
	 * 可提修订 (issue 17): while drafting, members who read a section but do not write it (other
	 * departments' editors, reviewers, experts, admins) may suggest changes to it. On by default.
	 */
	suggestionsOpen: integer('suggestions_open', { mode: 'boolean' }).notNull().default(true),
	createdBy: integer('created_by').references(() => users.id),
	createdAt: createdAt()
});

/** One row per role a user holds in a plan (a member may hold several). */
export const planMembers = sqliteTable(
	'plan_members',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role', { enum: PLAN_ROLES }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.planId, t.userId, t.role] }),
		index('plan_members_user_idx').on(t.userId)
	]
);

/** Which departments own (write) which section of a plan. */
export const sectionAssignments = sqliteTable(
	'section_assignments',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause').notNull(),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.clause, t.organizationId] })]
);

/** Workflow state of each of the standard's four activities in a plan (DESIGN.md §3). */
export const planActivities = sqliteTable(
	'plan_activities',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		state: text('state', { enum: ACTIVITY_STATES }).notNull().default('drafting'),
		/** The version under consultation, review or approval (what signatures refer to). */
		currentVersionId: integer('current_version_id'),
		/** The latest 定稿; stays viewable while a reopened activity is redrafted. */
		approvedVersionId: integer('approved_version_id'),
		updatedAt: now('updated_at')
	},
	(t) => [primaryKey({ columns: [t.planId, t.activity] })]
);

export const VERSION_MILESTONES = ['consultation', 'review', 'approval', 'final'] as const;

/**
 * Frozen content of an activity, stored once per hash: canonical JSON of every section's Yjs state
 * and canonical rendering. `hash` is the SHA-256 of `payload`, so anyone can recompute it.
 */
export const versionContents = sqliteTable('version_contents', {
	hash: text('hash').primaryKey(),
	payload: text('payload').notNull(),
	createdAt: createdAt()
});

/** A version of an activity: a milestone (征求意见稿, 送审稿, 报批稿, 定稿) pointing at frozen content. */
export const activityVersions = sqliteTable(
	'activity_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		milestone: text('milestone', { enum: VERSION_MILESTONES }).notNull(),
		/** 1, 2, … per activity. */
		seq: integer('seq').notNull(),
		hash: text('hash')
			.notNull()
			.references(() => versionContents.hash),
		/** Submitting with open required items: the reason they were waived. */
		waiver: text('waiver'),
		/** A 送审稿 submitted without a consultation round: the admin's reason (from the policy). */
		consultationWaiver: text('consultation_waiver'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: createdAt(),
		/** A 定稿 whose approval was superseded when the activity was reopened. */
		supersededAt: integer('superseded_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('activity_versions_plan_idx').on(t.planId, t.activity)]
);

export const SIGNATURE_KINDS = ['countersign', 'confirm', 'return', 'approve'] as const;
/** A countersign's opinion (会签意见): 同意 / 原则同意（附意见）/ 不同意（须附理由, returns the activity）. */
export const COUNTERSIGN_DECISIONS = ['agree', 'agree-with-comments', 'disagree'] as const;
/** …and a 参与确认's: `object` is 有异议 (with its text), answered before 报批 (issue 14). */
export const SIGNATURE_DECISIONS = [...COUNTERSIGN_DECISIONS, 'object'] as const;

/** Countersigns, participation confirmations, returns and sign-offs, each bound to a version hash. */
export const activitySignatures = sqliteTable(
	'activity_signatures',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		versionId: integer('version_id')
			.notNull()
			.references(() => activityVersions.id),
		hash: text('hash').notNull(),
		kind: text('kind', { enum: SIGNATURE_KINDS }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id),
		/** For confirmations: enterprise or resident. */
		participant: text('participant', { enum: ['enterprise', 'resident'] }),
		/** 会签: the signer's decision (a 不同意 is stored on the return it caused). */
		decision: text('decision', { enum: SIGNATURE_DECISIONS }),
		/** The signer's own words: 会签意见 or 签发意见 (e.g. 同意印发). */
		opinion: text('opinion'),
		createdAt: createdAt()
	},
	(t) => [index('activity_signatures_plan_idx').on(t.planId, t.activity)]
);

/**
 * A representative's 有异议 in 参与确认 (issue 14): the objection is the confirmation's signature
 * (decision `object`, its text the opinion); this row anchors it to a section (or the activity)
 * and holds the owning department's answer, which 报批 waits for.
 */
export const participationObjections = sqliteTable(
	'participation_objections',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		signatureId: integer('signature_id')
			.notNull()
			.unique()
			.references(() => activitySignatures.id, { onDelete: 'cascade' }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		/** The section it concerns; null: the activity as a whole (the lead department answers). */
		clause: text('clause'),
		answer: text('answer'),
		answeredBy: integer('answered_by').references(() => users.id),
		answeredOrganizationId: integer('answered_organization_id').references(() => organizations.id),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('participation_objections_plan_idx').on(t.planId, t.activity)]
);

/** Opinions attached to a return, each to a section (or the activity as a whole when null). */
export const returnOpinions = sqliteTable(
	'return_opinions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		signatureId: integer('signature_id')
			.notNull()
			.references(() => activitySignatures.id),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause'),
		text: text('text').notNull()
	},
	(t) => [index('return_opinions_plan_idx').on(t.planId, t.clause)]
);

/** Sign-off policy per activity; no row means the default (DESIGN.md §3). */
export const activityPolicies = sqliteTable(
	'activity_policies',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		/** JSON array of organization ids that must countersign. */
		departments: text('departments').notNull(),
		enterpriseCount: integer('enterprise_count').notNull(),
		residentCount: integer('resident_count').notNull(),
		approverId: integer('approver_id').references(() => users.id),
		/**
		 * Why the activity goes to review without a consultation round (4.2 e requires one by
		 * default); null: a round is required. Only the plan admin sets it; printed in the record.
		 */
		consultationWaiver: text('consultation_waiver'),
		/** How the departments sign: all / any / sequence (departments' order) / threshold. */
		mode: text('mode', { enum: STEP_MODES }).notNull().default('all'),
		/** threshold: how many departments must sign. */
		threshold: integer('threshold'),
		/** threshold as a share: at least this per cent of them (issue 14); else `threshold`. */
		thresholdPercent: integer('threshold_percent'),
		/** Working days each step has; null: no deadline. */
		deadlineDays: integer('deadline_days'),
		updatedAt: now('updated_at')
	},
	(t) => [primaryKey({ columns: [t.planId, t.activity] })]
);

/** 5.1.3 feedback: what the owners of N−1 answer (采纳 → reopen or next revision, 不采纳 + reason). */
export const FEEDBACK_DISPOSITIONS = ['adopted', 'rejected'] as const;
export type FeedbackDisposition = (typeof FEEDBACK_DISPOSITIONS)[number];
/** 采纳: N−1 was reopened for it, or it is recorded for N−1's next revision. */
export const FEEDBACK_RESOLUTIONS = ['reopened', 'next_revision'] as const;
export type FeedbackResolution = (typeof FEEDBACK_RESOLUTIONS)[number];

/**
 * 5.1.3: feedback filed while activity N is under way on the 定稿 of N−1 (src/lib/server/feedback/),
 * anchored to a section of N−1 and optionally a row of a structured block or quoted words, and
 * answered by N−1's owning departments. Rows from before migration 0015 have no anchor.
 */
export const priorFeedback = sqliteTable(
	'prior_feedback',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		/** The activity the feedback is about (N−1). */
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		/** The activity whose people filed it (N); null on rows from before 0015. */
		fromActivity: text('from_activity', { enum: ACTIVITIES }),
		/** The version of N−1 it refers to (its 定稿 when filed). */
		versionId: integer('version_id').references(() => activityVersions.id),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id),
		/** The filer's department when filed. */
		organizationId: integer('organization_id').references(() => organizations.id),
		/** Anchor: a section of N−1 (null only on rows from before 0015). */
		clause: text('clause'),
		/** Anchor: a row of a structured block of that section in the version (block key, row id). */
		blockKey: text('block_key'),
		rowId: text('row_id'),
		/** The row as it read in the version when filed (its words survive a later edit). */
		rowLabel: text('row_label'),
		/** Anchor: words quoted from the section of the version. */
		quote: text('quote'),
		text: text('text').notNull(),
		disposition: text('disposition', { enum: FEEDBACK_DISPOSITIONS }),
		resolution: text('resolution', { enum: FEEDBACK_RESOLUTIONS }),
		/** 不采纳's reason (required) or 采纳's note. */
		answer: text('answer'),
		answeredBy: integer('answered_by').references(() => users.id),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('prior_feedback_plan_idx').on(t.planId, t.activity)]
);

/** Invite links for participants: only the SHA-256 of the link's token is stored. */
export const invites = sqliteTable(
	'invites',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		tokenHash: text('token_hash').notNull(),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		organizationId: integer('organization_id')
			.notNull()
			.references(() => organizations.id),
		role: text('role', { enum: PLAN_ROLES }).notNull(),
		createdBy: integer('created_by')
			.notNull()
			.references(() => users.id),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		usedBy: integer('used_by').references(() => users.id),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('invites_token_idx').on(t.tokenHash), index('invites_plan_idx').on(t.planId)]
);

/**
 * Append-only audit log. Each entry's hash covers its content and the previous entry's hash, so an
 * edited or deleted row breaks the chain (DESIGN.md §3). Triggers in the migration refuse UPDATE and
 * DELETE through SQL as a first line; the chain is what proves it.
 */
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		actorId: integer('actor_id'),
		action: text('action').notNull(),
		planId: integer('plan_id'),
		target: text('target'),
		/** Canonical JSON of the action's details. */
		details: text('details').notNull(),
		ip: text('ip'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_plan_idx').on(t.planId), index('audit_action_idx').on(t.action)]
);

/**
 * Yjs persistence: every accepted update is appended with its author; a compaction folds the log
 * into the snapshot. The log is also the source of history and attribution.
 */
export const documentSnapshots = sqliteTable('document_snapshots', {
	name: text('name').primaryKey(),
	state: blob('state', { mode: 'buffer' }).notNull(),
	/** The last update folded into `state`. */
	lastUpdateId: integer('last_update_id').notNull(),
	updatedAt: now('updated_at'),
	/**
	 * SHA-256 (hex) of `state`, checked on every read: a snapshot whose bytes changed but still decode
	 * is rebuilt from the log instead of being served (collab/integrity.ts). Null only for rows
	 * written before the column existed, until the collab server's start backfills them.
	 */
	hash: text('hash')
});

/**
 * Who is compacting a section right now (collab/compactor.ts): several instances share one store,
 * and only the holder of an unexpired lease folds the log into a snapshot. A lease whose holder
 * died expires on its own.
 */
export const compactionLeases = sqliteTable('compaction_leases', {
	name: text('name').primaryKey(),
	holder: text('holder').notNull(),
	expiresAt: integer('expires_at').notNull()
});

export const documentUpdates = sqliteTable(
	'document_updates',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		name: text('name').notNull(),
		update: blob('update', { mode: 'buffer' }).notNull(),
		userId: integer('user_id').references(() => users.id),
		at: integer('at', { mode: 'timestamp_ms' }).notNull(),
		/** SHA-256 (hex) of `update`, checked on every read; null until backfilled (see snapshots). */
		hash: text('hash')
	},
	(t) => [index('document_updates_name_idx').on(t.name, t.id)]
);

export const VERSION_MARK_KINDS = ['named', 'restore'] as const;

/**
 * Marks in a section document's history (the update log is the history itself and is never
 * deleted — compaction only writes snapshots): a named version (保存版本) points at the last update
 * its state includes; a restore records the version restored, the state just before and after.
 */
export const documentVersions = sqliteTable(
	'document_versions',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** The Y.Doc's name, as in document_updates. */
		name: text('name').notNull(),
		kind: text('kind', { enum: VERSION_MARK_KINDS }).notNull(),
		label: text('label').notNull().default(''),
		/** The version's state: every update of `name` with id ≤ this. */
		updateId: integer('update_id').notNull(),
		restoredUpTo: integer('restored_up_to'),
		beforeUpdateId: integer('before_update_id'),
		userId: integer('user_id').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('document_versions_name_idx').on(t.name, t.updateId)]
);

export const THREAD_STATUSES = ['open', 'resolved'] as const;
/** What a thread is attached to: a text range of a prose fragment, or a row of a structured block. */
export const ANCHOR_KINDS = ['text', 'row', 'suggestion'] as const;
/** Consultation stances (DESIGN.md §4); set only on threads of a consultation round. */
export const STANCES = ['support', 'oppose', 'suggest'] as const;
/** The owning department's answer to a consultation comment: 采纳 / 部分采纳 / 不采纳. */
export const DISPOSITIONS = ['adopted', 'partial', 'rejected'] as const;

/**
 * A comment thread on a section's live draft (DESIGN.md §4). Threads live here, not in the Y.Doc,
 * so commenting needs no write access to the document. A text anchor is two Yjs relative positions
 * (base64 of `Y.encodeRelativePosition`) in one fragment, plus the quoted text and a little context,
 * so an anchor whose words were deleted can still be shown (orphaned) with its quote. A row anchor
 * is a block key and row id, with the row's title as it was.
 *
 * `roundId`, `stance`, the disposition and participant columns are for consultation rounds:
 * internal threads leave them null.
 */
export const commentThreads = sqliteTable(
	'comment_threads',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause').notNull(),
		anchorKind: text('anchor_kind', { enum: ANCHOR_KINDS }).notNull(),
		/** `body` or `item:<id>` for text anchors. */
		fragment: text('fragment'),
		anchorStart: text('anchor_start'),
		anchorEnd: text('anchor_end'),
		blockKey: text('block_key'),
		rowId: text('row_id'),
		/** Suggestion anchors (修订 discussion, issue 17): the suggestion's id in `fragment`. */
		suggestionId: text('suggestion_id'),
		/** The quoted words (text anchors) or the row's title (row anchors) when the thread began. */
		quote: text('quote').notNull().default(''),
		contextBefore: text('context_before').notNull().default(''),
		contextAfter: text('context_after').notNull().default(''),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id),
		status: text('status', { enum: THREAD_STATUSES }).notNull().default('open'),
		resolvedBy: integer('resolved_by').references(() => users.id),
		resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
		/** Consultation round this thread belongs to (null: internal comment on the live draft). */
		roundId: integer('round_id'),
		stance: text('stance', { enum: STANCES }),
		disposition: text('disposition', { enum: DISPOSITIONS }),
		dispositionReason: text('disposition_reason'),
		dispositionBy: integer('disposition_by').references(() => users.id),
		dispositionAt: integer('disposition_at', { mode: 'timestamp_ms' }),
		/** Consultation: the commenter's organization and its type when they commented. */
		organizationId: integer('organization_id').references(() => organizations.id),
		participantType: text('participant_type', { enum: ORGANIZATION_TYPES }),
		/** Consultation: the commenter confirmed they saw the answer (参与确认). */
		answerSeenAt: integer('answer_seen_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		/** Last reply, resolve or reopen. */
		updatedAt: now('updated_at')
	},
	(t) => [
		index('comment_threads_section_idx').on(t.planId, t.clause, t.status),
		index('comment_threads_round_idx').on(t.roundId),
		// The answer view's filters as indexed SQL, covering every filtered column (issue 15).
		index('comment_threads_round_clause_idx').on(
			t.roundId,
			t.clause,
			t.disposition,
			t.stance,
			t.participantType
		)
	]
);

/**
 * A public consultation round (征求意见, DESIGN.md §4): one activity's frozen 征求意见稿, the
 * participant groups invited (organization types), and the period. A period shorter than 30 days
 * carries the reason shown to participants. `publicToken` is the unguessable path of the optional
 * anonymous link (it grants only commenting on this round, so it is kept to show it again).
 */
export const consultationRounds = sqliteTable(
	'consultation_rounds',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		versionId: integer('version_id')
			.notNull()
			.references(() => activityVersions.id),
		/** JSON array of organization types invited. */
		groups: text('groups').notNull(),
		opensAt: integer('opens_at', { mode: 'timestamp_ms' }).notNull(),
		closesAt: integer('closes_at', { mode: 'timestamp_ms' }).notNull(),
		days: integer('days').notNull(),
		shortReason: text('short_reason'),
		publicToken: text('public_token'),
		createdBy: integer('created_by').references(() => users.id),
		createdAt: createdAt(),
		/** Closed by the workflow's 结束征求意见 (the period may end earlier on its own). */
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		closedBy: integer('closed_by').references(() => users.id),
		/** Why it was closed before its planned end (required then; shown wherever the period is). */
		closeReason: text('close_reason'),
		/** When participants were told the period had ended (once; closing early tells them too). */
		endNotifiedAt: integer('end_notified_at', { mode: 'timestamp_ms' }),
		/**
		 * 公开 (issue 15): opinions are public while the round runs (the public round page lists them,
		 * masked as the 采纳情况 shows them); 不公开: only once it is over. Chosen when the round is
		 * created, changed by the plan admin while it runs (audited).
		 */
		opinionsPublic: integer('opinions_public', { mode: 'boolean' }).notNull().default(false)
	},
	(t) => [
		index('consultation_rounds_plan_idx').on(t.planId, t.activity),
		uniqueIndex('consultation_rounds_token_idx').on(t.publicToken)
	]
);

/**
 * A counter per round that SQLite triggers (drizzle/0024_round_revisions.sql) raise on every write
 * that can change what a round's pages and files show: its opinions (threads, their comments, public
 * comments — added, answered, moderated, removed), the round row itself, and the names printed
 * (users, organizations, the plan). Caches of rendered pages and files key on it; the triggers
 * catch every write path, and every instance sharing the database reads the same number.
 */
export const consultationRoundRevisions = sqliteTable('consultation_round_revisions', {
	// No foreign key: a trigger may count a write that a round's own deletion cascades to.
	roundId: integer('round_id').primaryKey(),
	revision: integer('revision').notNull().default(0)
});

/**
 * Signing secrets of the public form's proof-of-work challenges (consultation/pow.ts): generated
 * once in the database so every instance and every restart signs and verifies alike; a new one is
 * made each day and the old ones verify until their last challenge has expired.
 */
export const powSecrets = sqliteTable('pow_secrets', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	secret: text('secret').notNull(),
	createdAt: createdAt()
});

export const PUBLIC_COMMENT_STATUSES = ['pending', 'approved', 'hidden'] as const;

/**
 * Anonymous comments through a round's public link: held for moderation (`pending`) until a
 * moderator approves or hides them (with a reason). Answered like members' comments.
 */
export const publicComments = sqliteTable(
	'public_comments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => consultationRounds.id, { onDelete: 'cascade' }),
		clause: text('clause').notNull(),
		/** `body` or `item:<id>`; offsets are in that part's frozen text. */
		part: text('part').notNull(),
		startOffset: integer('start_offset').notNull(),
		endOffset: integer('end_offset').notNull(),
		quote: text('quote').notNull(),
		stance: text('stance', { enum: STANCES }).notNull(),
		body: text('body').notNull(),
		name: text('name').notNull(),
		contact: text('contact'),
		/** SHA-256 of the client address (for moderation patterns; the address is not kept). */
		ipHash: text('ip_hash'),
		status: text('status', { enum: PUBLIC_COMMENT_STATUSES }).notNull().default('pending'),
		moderatedBy: integer('moderated_by').references(() => users.id),
		moderatedAt: integer('moderated_at', { mode: 'timestamp_ms' }),
		hiddenReason: text('hidden_reason'),
		disposition: text('disposition', { enum: DISPOSITIONS }),
		dispositionReason: text('disposition_reason'),
		dispositionBy: integer('disposition_by').references(() => users.id),
		dispositionAt: integer('disposition_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		index('public_comments_round_idx').on(t.roundId, t.status),
		index('public_comments_round_clause_idx').on(
			t.roundId,
			t.status,
			t.clause,
			t.disposition,
			t.stance
		)
	]
);

/**
 * The answer view's stored search data of each consultation opinion (issue 15), written with the
 * opinion (or backfilled once): its MinHash signature for near-duplicate groups. Its words, split
 * by Intl.Segmenter, live in the FTS5 table `consultation_opinion_fts` (rowid = this id; made in
 * the migration by hand, drizzle has no virtual tables) and leave with this row (a trigger).
 * Exactly one of threadId / publicCommentId is set.
 */
export const consultationOpinionIndex = sqliteTable(
	'consultation_opinion_index',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		roundId: integer('round_id')
			.notNull()
			.references(() => consultationRounds.id, { onDelete: 'cascade' }),
		threadId: integer('thread_id').references(() => commentThreads.id, { onDelete: 'cascade' }),
		publicCommentId: integer('public_comment_id').references(() => publicComments.id, {
			onDelete: 'cascade'
		}),
		/** 64 MinHash values, little-endian uint32 (empty: a text without letters or digits). */
		signature: blob('signature', { mode: 'buffer' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('consultation_opinion_index_thread_idx').on(t.threadId),
		uniqueIndex('consultation_opinion_index_public_idx').on(t.publicCommentId),
		index('consultation_opinion_index_round_idx').on(t.roundId)
	]
);

/** The messages of a thread; the first is the thread's opening comment. Bodies are plain text. */
export const comments = sqliteTable(
	'comments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		threadId: integer('thread_id')
			.notNull()
			.references(() => commentThreads.id, { onDelete: 'cascade' }),
		authorId: integer('author_id')
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('comments_thread_idx').on(t.threadId, t.id)]
);

/** Plan members @mentioned in a comment (ids, resolved by the server from the body). */
export const commentMentions = sqliteTable(
	'comment_mentions',
	{
		commentId: integer('comment_id')
			.notNull()
			.references(() => comments.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.commentId, t.userId] })]
);

export const NOTIFICATION_KINDS = [
	'reply',
	'mention',
	'resolved',
	'reopened',
	'answer',
	'round_opened',
	'round_closed',
	/** Issue 14: a new 待办 (sign-off step), one due within a day, one overdue. */
	'task',
	'task_due',
	'task_overdue',
	/** Issue 14: a representative objected in 参与确认; the owning department answers. */
	'objection',
	/** 5.1.3: feedback on an activity's 定稿 filed (to its owners), and answered (to the filer). */
	'feedback_filed',
	'feedback_answered'
] as const;

/** In-app notifications (the inbox). `link` is an app path; `excerpt` is plain text. */
export const notifications = sqliteTable(
	'notifications',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		planId: integer('plan_id').references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause'),
		threadId: integer('thread_id').references(() => commentThreads.id, { onDelete: 'cascade' }),
		commentId: integer('comment_id').references(() => comments.id, { onDelete: 'cascade' }),
		roundId: integer('round_id'),
		actorId: integer('actor_id').references(() => users.id),
		link: text('link').notNull(),
		excerpt: text('excerpt').notNull().default(''),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)]
);

export type Organization = typeof organizations.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Plan = typeof plans.$inferSelect;
export type Invite = typeof invites.$inferSelect;
export type Comment = typeof comments.$inferSelect;
export type ConsultationRound = typeof consultationRounds.$inferSelect;
export type PublicComment = typeof publicComments.$inferSelect;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Images of a plan's prose (issue 16): the bytes themselves, named by their SHA-256, kept in the
 * database with the plan so one backup of the SQLite file takes them along and a frozen version
 * never points at a file that is gone. Rows are never deleted (a version or the history may still
 * show them). `clause` is the section it was first uploaded to, for the audit trail.
 */
export const planImages = sqliteTable(
	'plan_images',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		hash: text('hash').notNull(),
		mime: text('mime').notNull(),
		width: integer('width').notNull(),
		height: integer('height').notNull(),
		size: integer('size').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull(),
		clause: text('clause').notNull(),
		uploadedBy: integer('uploaded_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.hash] })]
);

export const REMINDER_STAGES = ['due', 'overdue'] as const;

/**
 * Deadline reminders sent (issue 14): once per step (the version it signs) and stage — a day
 * before the deadline and at expiry — however often the sweep runs.
 */
export const stepReminders = sqliteTable(
	'step_reminders',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity', { enum: ACTIVITIES }).notNull(),
		versionId: integer('version_id')
			.notNull()
			.references(() => activityVersions.id),
		stage: text('stage', { enum: REMINDER_STAGES }).notNull(),
		sentAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.activity, t.versionId, t.stage] })]
);

/** What became of a consultation 修改建议 applied as a tracked suggestion (issue 17). */
export const OPINION_SUGGESTION_OUTCOMES = ['accepted', 'rejected'] as const;

/**
 * 修改建议 (issue 17): replacement wording a consultation opinion proposes for the passage it
 * quotes, and its link to the tracked suggestion the owning department applied into the live
 * draft (`suggestionId`, the mark id in the Yjs document, src/lib/suggestions/ids.ts). Kept
 * beside `comment_threads` rather than in it, so the opinion model itself is unchanged.
 */
export const opinionSuggestions = sqliteTable('opinion_suggestions', {
	threadId: integer('thread_id')
		.primaryKey()
		.references(() => commentThreads.id, { onDelete: 'cascade' }),
	replacement: text('replacement').notNull(),
	suggestionId: text('suggestion_id').unique(),
	appliedBy: integer('applied_by').references(() => users.id),
	appliedAt: integer('applied_at', { mode: 'timestamp_ms' }),
	outcome: text('outcome', { enum: OPINION_SUGGESTION_OUTCOMES }),
	decidedBy: integer('decided_by').references(() => users.id),
	decidedAt: integer('decided_at', { mode: 'timestamp_ms' })
});

/**
 * E-mails waiting to be sent (issue 14: 待办 and reminders by e-mail when SMTP_URL is set). A row is
 * written with its inbox notification, in the same transaction, so only committed notices are
 * mailed; src/lib/server/mail.ts sends it off the request path and retries with back-off.
 */
export const mailOutbox = sqliteTable(
	'mail_outbox',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		attempts: integer('attempts').notNull().default(0),
		/** Not before this time (ms); also pushed forward while a sender holds the row. */
		nextAttemptAt: integer('next_attempt_at', { mode: 'timestamp_ms' }).notNull(),
		sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
		/** Given up after the last attempt (logged). */
		failedAt: integer('failed_at', { mode: 'timestamp_ms' }),
		lastError: text('last_error'),
		createdAt: createdAt()
	},
	(t) => [index('mail_outbox_due_idx').on(t.sentAt, t.failedAt, t.nextAttemptAt)]
);

/**
 * Manual checks confirmed by a named reviewer (issue 18; src/lib/conformance/rules/manual.ts): one
 * row per plan and check, with the digest of the section's content the reviewer looked at — a
 * later change makes the confirmation stale (computed when the checklist runs, not stored).
 * Withdrawing a confirmation deletes its row; both are in the audit log.
 */
export const manualChecks = sqliteTable(
	'manual_checks',
	{
		planId: integer('plan_id')
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		checkId: text('check_id').notNull(),
		digest: text('digest').notNull(),
		confirmedBy: integer('confirmed_by')
			.notNull()
			.references(() => users.id),
		confirmedAt: now('confirmed_at')
	},
	(t) => [primaryKey({ columns: [t.planId, t.checkId] })]
);
