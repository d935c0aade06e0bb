/**
 * Seeds the demo city into an empty database (no users yet): accounts, the plan, who writes what,
 * and the sections' content (content.ts). Idempotent by that check, so a restart never seeds twice;
 * SEED_DEMO=false turns it off; SEED_DEMO_PLANS writes more than one copy of the plan (the e2e
 * server's specs that freeze chapters each get their own).
 */
import { count } from 'drizzle-orm';
import { appendAudit } from '../audit/index.ts';
import { config } from '../config.ts';
import { getDb, schema } from '../db/index.ts';
import { logger } from '../log.ts';
import { addMember, assignSection, createPlan } from '../plans.ts';
import { seedDemoContent } from './content.ts';
import { seedManualChecks } from './manual-checks.ts';
import { createOrganization, createUser } from '../users.ts';
import {
	DEMO_ACCOUNTS,
	DEMO_ASSIGNMENTS,
	DEMO_LEAD,
	DEMO_MANUAL_REVIEWER,
	DEMO_ORGANIZATIONS,
	DEMO_PASSWORD,
	DEMO_PLAN
} from './demo-data.ts';

export async function seedDemoIfEmpty(): Promise<boolean> {
	const db = getDb();
	const users = db.select({ n: count() }).from(schema.users).get();
	if ((users?.n ?? 0) > 0) return false;

	const orgIds = new Map<string, number>();
	for (const org of DEMO_ORGANIZATIONS)
		orgIds.set(org.key, createOrganization(org.name, org.type, null));
	const org = (key: string) => {
		const id = orgIds.get(key);
		if (id === undefined) throw new Error(`demo data: unknown organization ${key}`);
		return id;
	};

	const userIds = new Map<string, number>();
	for (const account of DEMO_ACCOUNTS) {
		const id = await createUser(
			{
				username: account.username,
				displayName: account.displayName,
				password: DEMO_PASSWORD,
				organizationId: org(account.org),
				isSystemAdmin: account.isSystemAdmin
			},
			null
		);
		userIds.set(account.username, id);
	}

	for (let copy = 1; copy <= config.SEED_DEMO_PLANS; copy++) seedPlan(copy, org, userIds);
	return true;
}

/** One copy of the demo plan: members, who writes what, the sections' draft. */
function seedPlan(copy: number, org: (key: string) => number, userIds: Map<string, number>) {
	const name = copy === 1 ? DEMO_PLAN.name : `${DEMO_PLAN.name}（副本${copy}）`;
	const planId = createPlan({ ...DEMO_PLAN, name, leadOrganizationId: org(DEMO_LEAD) }, null);
	for (const account of DEMO_ACCOUNTS) {
		const userId = userIds.get(account.username);
		if (userId === undefined) continue;
		for (const role of account.roles) addMember(planId, userId, role, null);
	}
	for (const [clause, owners] of Object.entries(DEMO_ASSIGNMENTS)) {
		for (const key of owners) assignSection(planId, clause, org(key), null);
	}
	const sections = seedDemoContent(getDb(), planId, userIds);
	const expert = userIds.get(DEMO_MANUAL_REVIEWER);
	if (expert !== undefined) seedManualChecks(planId, expert);
	appendAudit({
		action: 'demo.seeded',
		planId,
		details: { accounts: DEMO_ACCOUNTS.length, sections }
	});
	logger('seed').info({ planId, accounts: DEMO_ACCOUNTS.length, sections }, 'demo city seeded');
}
