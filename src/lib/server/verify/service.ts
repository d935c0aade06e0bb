/**
 * `/verify`: whether an uploaded file, or a pasted hash, is a signed version of this instance.
 *
 * A file passes when the offline checks pass (check.ts, run in the export worker: signature by
 * this instance's key, printed block, body text digest) AND the versions it names exist here with
 * their stored payload intact (its SHA-256 recomputed now) — a file signed before someone altered
 * the database must not be called genuine without saying that the platform's copy changed.
 */
import { and, eq } from 'drizzle-orm';
import { ACTIVITIES, ACTIVITY_CHAPTER } from '../../standard/sections.ts';
import { chapterTitle } from '../../export/model.ts';
import { WORDS } from '../../export/vocabulary.ts';
import { getDb, schema } from '../db/index.ts';
import { checkInWorker } from '../export/offload.ts';
import { compilationHash, currentFinals, versionLabel } from '../export/source.ts';
import { logger } from '../log.ts';
import { loadVerifiedVersion } from '../workflow/integrity.ts';
import type { CheckFailure } from './check.ts';
import { instanceKey } from './key.ts';
import type { Statement } from './statement.ts';

export type VerifyFailure = CheckFailure | 'version-unknown' | 'payload-altered';

export interface VerifiedVersion {
	plan: string;
	activity: string;
	label: string;
	hash: string;
	/** The stored payload still hashes to `hash`. */
	intact: boolean;
}

export type VerifyOutcome =
	| { ok: true; format: 'docx' | 'pdf'; statement: StatementSummary }
	| { ok: false; failure: VerifyFailure; statement?: StatementSummary };

/** What the page shows of a statement (all of it is printed in the file anyway). */
export interface StatementSummary {
	plan: string;
	label: string;
	hash: string;
	format: 'docx' | 'pdf';
	signers: { name: string; organization: string; decision: string; time: string }[];
	signedAt: string;
}

const log = logger('verify');

function summary(s: Statement): StatementSummary {
	return {
		plan: s.plan.title,
		label: s.label,
		hash: s.hash,
		format: s.format,
		signers: s.signers.map(({ name, organization, decision, time }) => ({
			name,
			organization,
			decision,
			time
		})),
		signedAt: s.signedAt
	};
}

/**
 * The platform's copy of every version stored under this hash passes the one verify-on-read check
 * (payload SHA-256, recorded hash, sign-off records: workflow/integrity.ts).
 */
function payloadIntact(hash: string): boolean {
	const v = schema.activityVersions;
	const rows = getDb().select({ id: v.id }).from(v).where(eq(v.hash, hash)).all();
	return rows.length > 0 && rows.every((row) => loadVerifiedVersion(row.id)?.ok === true);
}

function versionExists(planId: number, hash: string): boolean {
	const v = schema.activityVersions;
	return !!getDb()
		.select({ id: v.id })
		.from(v)
		.where(and(eq(v.planId, planId), eq(v.hash, hash)))
		.get();
}

/** The versions a verified statement names: each must exist here, its payload intact. */
function recordsFailure(s: Statement): VerifyFailure | undefined {
	const hashes =
		s.kind === 'version' ? [s.hash] : s.activities.flatMap((a) => (a.hash ? [a.hash] : []));
	if (s.kind === 'compilation' && compilationHash(s.activities) !== s.hash)
		return 'version-unknown';
	for (const hash of hashes) {
		if (!versionExists(s.plan.id, hash)) return 'version-unknown';
		if (!payloadIntact(hash)) return 'payload-altered';
	}
	return undefined;
}

export async function verifyUpload(bytes: Uint8Array): Promise<VerifyOutcome> {
	const check = await checkInWorker(bytes, instanceKey().publicKeyPem);
	const statement = check.statement ? summary(check.statement) : undefined;
	if (!check.ok) {
		log.info({ failure: check.failure, bytes: bytes.length }, 'file did not verify');
		return { ok: false, failure: check.failure, statement };
	}
	const failure = recordsFailure(check.statement);
	if (failure) {
		log.warn(
			{ failure, hash: check.statement.hash },
			'signed file names a version not intact here'
		);
		return { ok: false, failure, statement };
	}
	return { ok: true, format: check.format, statement: statement! };
}

/** Versions (or a plan's current 定稿汇编) with this hash. */
export function lookupHash(hash: string): VerifiedVersion[] {
	const v = schema.activityVersions;
	const rows = getDb()
		.select({ version: v, plan: schema.plans.name })
		.from(v)
		.innerJoin(schema.plans, eq(v.planId, schema.plans.id))
		.where(eq(v.hash, hash))
		.all();
	const found: VerifiedVersion[] = rows.map((r) => ({
		plan: r.plan,
		activity: chapterTitle(ACTIVITY_CHAPTER[r.version.activity]),
		label: versionLabel(r.version),
		hash,
		intact: payloadIntact(hash)
	}));
	if (found.length) return found;
	for (const plan of getDb()
		.select({ id: schema.plans.id, name: schema.plans.name })
		.from(schema.plans)
		.all()) {
		const finals = currentFinals(plan.id);
		if (finals.size === 0) continue;
		const activities = ACTIVITIES.map((activity) => ({
			activity,
			hash: finals.get(activity)?.hash ?? null
		}));
		if (compilationHash(activities) === hash)
			found.push({
				plan: plan.name,
				activity: '',
				label: WORDS.compilation,
				hash,
				intact: activities.every((a) => !a.hash || payloadIntact(a.hash))
			});
	}
	return found;
}
