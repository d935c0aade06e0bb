/**
 * The PostgreSQL twin of schema.ts (issue 20), used only to generate drizzle-pg/ with drizzle-kit
 * (`npm run db:generate`). The app itself keeps querying through schema.ts: on PostgreSQL,
 * drizzle's SQLite dialect still builds the SQL and src/lib/server/db/pg/ runs it (docs/POSTGRES.md
 * "The schema on PostgreSQL"). So these tables accept exactly what that dialect sends:
 * - every SQLite `integer` (ids, counts, millisecond timestamps, 0/1 booleans) is a `bigint` —
 *   booleans stay 0/1 integers, never `boolean`;
 * - an autoincrement id is a `bigserial`; drizzle sends an explicit NULL for an omitted id, which
 *   the `lantu_fill_id` trigger of each such table turns into the next id (drizzle-pg/0002);
 * - `now()` keeps SQLite's default expression: drizzle inlines it into INSERTs, and drizzle-pg/0000
 *   defines `unixepoch` with SQLite's meaning;
 * - text stays `text` (JSON too: the audit chain hashes it as stored, jsonb would reorder keys),
 *   blobs are `bytea`.
 * Names, nullability, defaults, keys, indexes and foreign keys match schema.ts, which
 * schema-parity.test.ts checks. Documentation of each table and column lives in schema.ts.
 */
import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	customType,
	index,
	pgTable,
	primaryKey,
	text,
	uniqueIndex
} from 'drizzle-orm/pg-core';

/** PostgreSQL's byte string (drizzle-orm 0.45's pg-core has no builder for it). */
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** Milliseconds since the epoch, filled by the same expression as on SQLite (drizzle-pg/0000). */
const now = (column: string) =>
	bigint(column, { mode: 'number' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
const createdAt = () => now('created_at');

export const organizations = pgTable('organizations', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	name: text('name').notNull().unique(),
	type: text('type').notNull(),
	createdAt: createdAt()
});

export const users = pgTable('users', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	username: text('username').notNull().unique(),
	displayName: text('display_name').notNull(),
	passwordHash: text('password_hash').notNull(),
	organizationId: bigint('organization_id', { mode: 'number' })
		.notNull()
		.references(() => organizations.id),
	isSystemAdmin: bigint('is_system_admin', { mode: 'number' }).notNull().default(0),
	disabledAt: bigint('disabled_at', { mode: 'number' }),
	passwordChangedAt: bigint('password_changed_at', { mode: 'number' }),
	email: text('email'),
	createdAt: createdAt()
});

export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
		absoluteExpiresAt: bigint('absolute_expires_at', { mode: 'number' }).notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const rateLimits = pgTable('rate_limits', {
	key: text('key').primaryKey(),
	points: bigint('points', { mode: 'number' }).notNull().default(0),
	expire: bigint('expire', { mode: 'number' })
});

export const plans = pgTable('plans', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	name: text('name').notNull(),
	city: text('city').notNull(),
	leadOrganizationId: bigint('lead_organization_id', { mode: 'number' })
		.notNull()
		.references(() => organizations.id),
	periodStart: bigint('period_start', { mode: 'number' }).notNull(),
	periodEnd: bigint('period_end', { mode: 'number' }).notNull(),
	horizonYear: bigint('horizon_year', { mode: 'number' }),
	suggestionsOpen: bigint('suggestions_open', { mode: 'number' }).notNull().default(1),
	createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
	createdAt: createdAt()
});

export const planMembers = pgTable(
	'plan_members',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text('role').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		primaryKey({ columns: [t.planId, t.userId, t.role] }),
		index('plan_members_user_idx').on(t.userId)
	]
);

export const sectionAssignments = pgTable(
	'section_assignments',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause').notNull(),
		organizationId: bigint('organization_id', { mode: 'number' })
			.notNull()
			.references(() => organizations.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.clause, t.organizationId] })]
);

export const planActivities = pgTable(
	'plan_activities',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		state: text('state').notNull().default('drafting'),
		currentVersionId: bigint('current_version_id', { mode: 'number' }),
		approvedVersionId: bigint('approved_version_id', { mode: 'number' }),
		updatedAt: now('updated_at')
	},
	(t) => [primaryKey({ columns: [t.planId, t.activity] })]
);

export const versionContents = pgTable('version_contents', {
	hash: text('hash').primaryKey(),
	payload: text('payload').notNull(),
	createdAt: createdAt()
});

export const activityVersions = pgTable(
	'activity_versions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		milestone: text('milestone').notNull(),
		seq: bigint('seq', { mode: 'number' }).notNull(),
		hash: text('hash')
			.notNull()
			.references(() => versionContents.hash),
		waiver: text('waiver'),
		consultationWaiver: text('consultation_waiver'),
		createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
		createdAt: createdAt(),
		supersededAt: bigint('superseded_at', { mode: 'number' })
	},
	(t) => [index('activity_versions_plan_idx').on(t.planId, t.activity)]
);

export const activitySignatures = pgTable(
	'activity_signatures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		versionId: bigint('version_id', { mode: 'number' })
			.notNull()
			.references(() => activityVersions.id),
		hash: text('hash').notNull(),
		kind: text('kind').notNull(),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		organizationId: bigint('organization_id', { mode: 'number' })
			.notNull()
			.references(() => organizations.id),
		participant: text('participant'),
		decision: text('decision'),
		opinion: text('opinion'),
		createdAt: createdAt()
	},
	(t) => [index('activity_signatures_plan_idx').on(t.planId, t.activity)]
);

export const participationObjections = pgTable(
	'participation_objections',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		signatureId: bigint('signature_id', { mode: 'number' })
			.notNull()
			.unique()
			.references(() => activitySignatures.id, { onDelete: 'cascade' }),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		clause: text('clause'),
		answer: text('answer'),
		answeredBy: bigint('answered_by', { mode: 'number' }).references(() => users.id),
		answeredOrganizationId: bigint('answered_organization_id', { mode: 'number' }).references(
			() => organizations.id
		),
		answeredAt: bigint('answered_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [index('participation_objections_plan_idx').on(t.planId, t.activity)]
);

export const returnOpinions = pgTable(
	'return_opinions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		signatureId: bigint('signature_id', { mode: 'number' })
			.notNull()
			.references(() => activitySignatures.id),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause'),
		text: text('text').notNull()
	},
	(t) => [index('return_opinions_plan_idx').on(t.planId, t.clause)]
);

export const activityPolicies = pgTable(
	'activity_policies',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		departments: text('departments').notNull(),
		enterpriseCount: bigint('enterprise_count', { mode: 'number' }).notNull(),
		residentCount: bigint('resident_count', { mode: 'number' }).notNull(),
		approverId: bigint('approver_id', { mode: 'number' }).references(() => users.id),
		consultationWaiver: text('consultation_waiver'),
		mode: text('mode').notNull().default('all'),
		threshold: bigint('threshold', { mode: 'number' }),
		thresholdPercent: bigint('threshold_percent', { mode: 'number' }),
		deadlineDays: bigint('deadline_days', { mode: 'number' }),
		updatedAt: now('updated_at')
	},
	(t) => [primaryKey({ columns: [t.planId, t.activity] })]
);

export const priorFeedback = pgTable(
	'prior_feedback',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		fromActivity: text('from_activity'),
		versionId: bigint('version_id', { mode: 'number' }).references(() => activityVersions.id),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		organizationId: bigint('organization_id', { mode: 'number' }).references(
			() => organizations.id
		),
		clause: text('clause'),
		blockKey: text('block_key'),
		rowId: text('row_id'),
		rowLabel: text('row_label'),
		quote: text('quote'),
		text: text('text').notNull(),
		disposition: text('disposition'),
		resolution: text('resolution'),
		answer: text('answer'),
		answeredBy: bigint('answered_by', { mode: 'number' }).references(() => users.id),
		answeredAt: bigint('answered_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [index('prior_feedback_plan_idx').on(t.planId, t.activity)]
);

export const invites = pgTable(
	'invites',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		tokenHash: text('token_hash').notNull(),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		organizationId: bigint('organization_id', { mode: 'number' })
			.notNull()
			.references(() => organizations.id),
		role: text('role').notNull(),
		createdBy: bigint('created_by', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
		usedAt: bigint('used_at', { mode: 'number' }),
		usedBy: bigint('used_by', { mode: 'number' }).references(() => users.id),
		revokedAt: bigint('revoked_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('invites_token_idx').on(t.tokenHash), index('invites_plan_idx').on(t.planId)]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: bigint('at', { mode: 'number' }).notNull(),
		actorId: bigint('actor_id', { mode: 'number' }),
		action: text('action').notNull(),
		planId: bigint('plan_id', { mode: 'number' }),
		target: text('target'),
		details: text('details').notNull(),
		ip: text('ip'),
		prevHash: text('prev_hash').notNull(),
		hash: text('hash').notNull()
	},
	(t) => [index('audit_plan_idx').on(t.planId), index('audit_action_idx').on(t.action)]
);

export const documentSnapshots = pgTable('document_snapshots', {
	name: text('name').primaryKey(),
	state: bytea('state').notNull(),
	lastUpdateId: bigint('last_update_id', { mode: 'number' }).notNull(),
	updatedAt: now('updated_at'),
	hash: text('hash')
});

export const compactionLeases = pgTable('compaction_leases', {
	name: text('name').primaryKey(),
	holder: text('holder').notNull(),
	expiresAt: bigint('expires_at', { mode: 'number' }).notNull()
});

/**
 * PostgreSQL only: a statement-level BEFORE INSERT trigger, `document_updates_order`
 * (drizzle-pg/0006_update_log_order.sql), holds the log's order lock shared from before an
 * INSERT's ids are drawn until it commits, so readers can wait for the appends in flight
 * (src/lib/server/db/log-order.ts). SQLite needs none: one writer, ids in commit order.
 */
export const documentUpdates = pgTable(
	'document_updates',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		name: text('name').notNull(),
		update: bytea('update').notNull(),
		userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
		at: bigint('at', { mode: 'number' }).notNull(),
		hash: text('hash')
	},
	(t) => [index('document_updates_name_idx').on(t.name, t.id)]
);

export const documentVersions = pgTable(
	'document_versions',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		name: text('name').notNull(),
		kind: text('kind').notNull(),
		label: text('label').notNull().default(''),
		updateId: bigint('update_id', { mode: 'number' }).notNull(),
		restoredUpTo: bigint('restored_up_to', { mode: 'number' }),
		beforeUpdateId: bigint('before_update_id', { mode: 'number' }),
		userId: bigint('user_id', { mode: 'number' }).references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('document_versions_name_idx').on(t.name, t.updateId)]
);

export const commentThreads = pgTable(
	'comment_threads',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		clause: text('clause').notNull(),
		anchorKind: text('anchor_kind').notNull(),
		fragment: text('fragment'),
		anchorStart: text('anchor_start'),
		anchorEnd: text('anchor_end'),
		blockKey: text('block_key'),
		rowId: text('row_id'),
		suggestionId: text('suggestion_id'),
		quote: text('quote').notNull().default(''),
		contextBefore: text('context_before').notNull().default(''),
		contextAfter: text('context_after').notNull().default(''),
		authorId: bigint('author_id', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		status: text('status').notNull().default('open'),
		resolvedBy: bigint('resolved_by', { mode: 'number' }).references(() => users.id),
		resolvedAt: bigint('resolved_at', { mode: 'number' }),
		roundId: bigint('round_id', { mode: 'number' }),
		stance: text('stance'),
		disposition: text('disposition'),
		dispositionReason: text('disposition_reason'),
		dispositionBy: bigint('disposition_by', { mode: 'number' }).references(() => users.id),
		dispositionAt: bigint('disposition_at', { mode: 'number' }),
		organizationId: bigint('organization_id', { mode: 'number' }).references(
			() => organizations.id
		),
		participantType: text('participant_type'),
		answerSeenAt: bigint('answer_seen_at', { mode: 'number' }),
		createdAt: createdAt(),
		updatedAt: now('updated_at')
	},
	(t) => [
		index('comment_threads_section_idx').on(t.planId, t.clause, t.status),
		index('comment_threads_round_idx').on(t.roundId),
		index('comment_threads_round_clause_idx').on(
			t.roundId,
			t.clause,
			t.disposition,
			t.stance,
			t.participantType
		)
	]
);

export const consultationRounds = pgTable(
	'consultation_rounds',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		versionId: bigint('version_id', { mode: 'number' })
			.notNull()
			.references(() => activityVersions.id),
		groups: text('groups').notNull(),
		opensAt: bigint('opens_at', { mode: 'number' }).notNull(),
		closesAt: bigint('closes_at', { mode: 'number' }).notNull(),
		days: bigint('days', { mode: 'number' }).notNull(),
		shortReason: text('short_reason'),
		publicToken: text('public_token'),
		createdBy: bigint('created_by', { mode: 'number' }).references(() => users.id),
		createdAt: createdAt(),
		closedAt: bigint('closed_at', { mode: 'number' }),
		closedBy: bigint('closed_by', { mode: 'number' }).references(() => users.id),
		closeReason: text('close_reason'),
		endNotifiedAt: bigint('end_notified_at', { mode: 'number' }),
		opinionsPublic: bigint('opinions_public', { mode: 'number' }).notNull().default(0)
	},
	(t) => [
		index('consultation_rounds_plan_idx').on(t.planId, t.activity),
		uniqueIndex('consultation_rounds_token_idx').on(t.publicToken)
	]
);

export const consultationRoundRevisions = pgTable('consultation_round_revisions', {
	roundId: bigint('round_id', { mode: 'number' }).primaryKey(),
	revision: bigint('revision', { mode: 'number' }).notNull().default(0)
});

export const powSecrets = pgTable('pow_secrets', {
	id: bigserial('id', { mode: 'number' }).primaryKey(),
	secret: text('secret').notNull(),
	createdAt: createdAt()
});

export const publicComments = pgTable(
	'public_comments',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		roundId: bigint('round_id', { mode: 'number' })
			.notNull()
			.references(() => consultationRounds.id, { onDelete: 'cascade' }),
		clause: text('clause').notNull(),
		part: text('part').notNull(),
		startOffset: bigint('start_offset', { mode: 'number' }).notNull(),
		endOffset: bigint('end_offset', { mode: 'number' }).notNull(),
		quote: text('quote').notNull(),
		stance: text('stance').notNull(),
		body: text('body').notNull(),
		name: text('name').notNull(),
		contact: text('contact'),
		ipHash: text('ip_hash'),
		status: text('status').notNull().default('pending'),
		moderatedBy: bigint('moderated_by', { mode: 'number' }).references(() => users.id),
		moderatedAt: bigint('moderated_at', { mode: 'number' }),
		hiddenReason: text('hidden_reason'),
		disposition: text('disposition'),
		dispositionReason: text('disposition_reason'),
		dispositionBy: bigint('disposition_by', { mode: 'number' }).references(() => users.id),
		dispositionAt: bigint('disposition_at', { mode: 'number' }),
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

export const consultationOpinionIndex = pgTable(
	'consultation_opinion_index',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		roundId: bigint('round_id', { mode: 'number' })
			.notNull()
			.references(() => consultationRounds.id, { onDelete: 'cascade' }),
		threadId: bigint('thread_id', { mode: 'number' }).references(() => commentThreads.id, {
			onDelete: 'cascade'
		}),
		publicCommentId: bigint('public_comment_id', { mode: 'number' }).references(
			() => publicComments.id,
			{
				onDelete: 'cascade'
			}
		),
		signature: bytea('signature').notNull(),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('consultation_opinion_index_thread_idx').on(t.threadId),
		uniqueIndex('consultation_opinion_index_public_idx').on(t.publicCommentId),
		index('consultation_opinion_index_round_idx').on(t.roundId)
	]
);

export const comments = pgTable(
	'comments',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		threadId: bigint('thread_id', { mode: 'number' })
			.notNull()
			.references(() => commentThreads.id, { onDelete: 'cascade' }),
		authorId: bigint('author_id', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('comments_thread_idx').on(t.threadId, t.id)]
);

export const commentMentions = pgTable(
	'comment_mentions',
	{
		commentId: bigint('comment_id', { mode: 'number' })
			.notNull()
			.references(() => comments.id, { onDelete: 'cascade' }),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.commentId, t.userId] })]
);

export const notifications = pgTable(
	'notifications',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		planId: bigint('plan_id', { mode: 'number' }).references(() => plans.id, {
			onDelete: 'cascade'
		}),
		clause: text('clause'),
		threadId: bigint('thread_id', { mode: 'number' }).references(() => commentThreads.id, {
			onDelete: 'cascade'
		}),
		commentId: bigint('comment_id', { mode: 'number' }).references(() => comments.id, {
			onDelete: 'cascade'
		}),
		roundId: bigint('round_id', { mode: 'number' }),
		actorId: bigint('actor_id', { mode: 'number' }).references(() => users.id),
		link: text('link').notNull(),
		excerpt: text('excerpt').notNull().default(''),
		readAt: bigint('read_at', { mode: 'number' }),
		createdAt: createdAt()
	},
	(t) => [index('notifications_user_idx').on(t.userId, t.readAt, t.id)]
);

export const planImages = pgTable(
	'plan_images',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		hash: text('hash').notNull(),
		mime: text('mime').notNull(),
		width: bigint('width', { mode: 'number' }).notNull(),
		height: bigint('height', { mode: 'number' }).notNull(),
		size: bigint('size', { mode: 'number' }).notNull(),
		bytes: bytea('bytes').notNull(),
		clause: text('clause').notNull(),
		uploadedBy: bigint('uploaded_by', { mode: 'number' }).references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.hash] })]
);

export const stepReminders = pgTable(
	'step_reminders',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		activity: text('activity').notNull(),
		versionId: bigint('version_id', { mode: 'number' })
			.notNull()
			.references(() => activityVersions.id),
		stage: text('stage').notNull(),
		sentAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.planId, t.activity, t.versionId, t.stage] })]
);

export const opinionSuggestions = pgTable('opinion_suggestions', {
	threadId: bigint('thread_id', { mode: 'number' })
		.primaryKey()
		.references(() => commentThreads.id, { onDelete: 'cascade' }),
	replacement: text('replacement').notNull(),
	suggestionId: text('suggestion_id').unique(),
	appliedBy: bigint('applied_by', { mode: 'number' }).references(() => users.id),
	appliedAt: bigint('applied_at', { mode: 'number' }),
	outcome: text('outcome'),
	decidedBy: bigint('decided_by', { mode: 'number' }).references(() => users.id),
	decidedAt: bigint('decided_at', { mode: 'number' })
});

export const mailOutbox = pgTable(
	'mail_outbox',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		userId: bigint('user_id', { mode: 'number' })
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		toAddress: text('to_address').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
		nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
		sentAt: bigint('sent_at', { mode: 'number' }),
		failedAt: bigint('failed_at', { mode: 'number' }),
		lastError: text('last_error'),
		createdAt: createdAt()
	},
	(t) => [index('mail_outbox_due_idx').on(t.sentAt, t.failedAt, t.nextAttemptAt)]
);

export const manualChecks = pgTable(
	'manual_checks',
	{
		planId: bigint('plan_id', { mode: 'number' })
			.notNull()
			.references(() => plans.id, { onDelete: 'cascade' }),
		checkId: text('check_id').notNull(),
		digest: text('digest').notNull(),
		confirmedBy: bigint('confirmed_by', { mode: 'number' })
			.notNull()
			.references(() => users.id),
		confirmedAt: now('confirmed_at')
	},
	(t) => [primaryKey({ columns: [t.planId, t.checkId] })]
);
