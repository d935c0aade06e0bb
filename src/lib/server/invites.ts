/**
 * Invite links for participants (enterprise and residents' representatives, experts, departments).
 * The link carries a random token; only its SHA-256 is stored, so a database leak reveals no usable
 * link. A link is used once, expires, and can be revoked.
 */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import type { PlanRole } from '../roles.ts';
import { generateSessionToken, hashToken } from './auth/session.ts';
import { appendAudit } from './audit/index.ts';
import { getDb, schema } from './db/index.ts';
import { DomainError } from './errors.ts';
import { addMember } from './plans.ts';
import { createUser } from './users.ts';

export const INVITE_DAYS = 14;
const DAY = 86_400_000;

export function createInvite(
	planId: number,
	organizationId: number,
	role: PlanRole,
	actorId: number,
	now = Date.now()
): { token: string; expiresAt: Date } {
	const token = generateSessionToken();
	const expiresAt = new Date(now + INVITE_DAYS * DAY);
	const row = getDb()
		.insert(schema.invites)
		.values({
			tokenHash: hashToken(token),
			planId,
			organizationId,
			role,
			createdBy: actorId,
			expiresAt
		})
		.returning({ id: schema.invites.id })
		.get();
	appendAudit({
		action: 'invite.created',
		actorId,
		planId,
		target: `invite:${row.id}`,
		details: { organizationId, role }
	});
	return { token, expiresAt };
}

export type InviteStatus = 'pending' | 'used' | 'expired' | 'revoked';

function statusOf(
	invite: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
	now: number
): InviteStatus {
	if (invite.usedAt) return 'used';
	if (invite.revokedAt) return 'revoked';
	if (invite.expiresAt.getTime() <= now) return 'expired';
	return 'pending';
}

export function listInvites(planId: number, now = Date.now()) {
	return getDb()
		.select({
			id: schema.invites.id,
			role: schema.invites.role,
			organization: schema.organizations.name,
			expiresAt: schema.invites.expiresAt,
			usedAt: schema.invites.usedAt,
			revokedAt: schema.invites.revokedAt,
			createdAt: schema.invites.createdAt
		})
		.from(schema.invites)
		.innerJoin(schema.organizations, eq(schema.invites.organizationId, schema.organizations.id))
		.where(eq(schema.invites.planId, planId))
		.orderBy(desc(schema.invites.id))
		.all()
		.map((invite) => ({ ...invite, status: statusOf(invite, now) }));
}

export function revokeInvite(planId: number, inviteId: number, actorId: number): void {
	const result = getDb()
		.update(schema.invites)
		.set({ revokedAt: new Date() })
		.where(and(eq(schema.invites.id, inviteId), eq(schema.invites.planId, planId)))
		.run();
	if (result.changes === 0) throw new DomainError('invite-not-found', {}, 404);
	appendAudit({ action: 'invite.revoked', actorId, planId, target: `invite:${inviteId}` });
}

/** The invite behind a link, with what the page shows; `status` says whether it can still be used. */
export function findInvite(token: string, now = Date.now()) {
	const row = getDb()
		.select({
			id: schema.invites.id,
			planId: schema.invites.planId,
			planName: schema.plans.name,
			organizationId: schema.invites.organizationId,
			organization: schema.organizations.name,
			role: schema.invites.role,
			expiresAt: schema.invites.expiresAt,
			usedAt: schema.invites.usedAt,
			revokedAt: schema.invites.revokedAt
		})
		.from(schema.invites)
		.innerJoin(schema.plans, eq(schema.invites.planId, schema.plans.id))
		.innerJoin(schema.organizations, eq(schema.invites.organizationId, schema.organizations.id))
		.where(eq(schema.invites.tokenHash, hashToken(token)))
		.get();
	return row ? { ...row, status: statusOf(row, now) } : undefined;
}

/** Creates the invitee's account and plan role, and marks the invite used — all or nothing. */
export async function acceptInvite(
	token: string,
	account: { username: string; displayName: string; password: string },
	ip: string
): Promise<{ userId: number; planId: number }> {
	const invite = findInvite(token);
	if (!invite) throw new DomainError('invite-not-found', {}, 404);
	if (invite.status !== 'pending') throw new DomainError(`invite-${invite.status}`, {}, 410);
	const db = getDb();
	// Claim the invite atomically first, so two tabs cannot both use it.
	const now = new Date();
	const claimed = db
		.update(schema.invites)
		.set({ usedAt: now })
		.where(
			and(
				eq(schema.invites.id, invite.id),
				isNull(schema.invites.usedAt),
				isNull(schema.invites.revokedAt),
				gt(schema.invites.expiresAt, now)
			)
		)
		.run();
	if (claimed.changes !== 1) throw new DomainError('invite-used', {}, 410);
	let userId: number;
	try {
		userId = await createUser({ ...account, organizationId: invite.organizationId }, null);
	} catch (error) {
		db.update(schema.invites).set({ usedAt: null }).where(eq(schema.invites.id, invite.id)).run();
		throw error;
	}
	db.update(schema.invites).set({ usedBy: userId }).where(eq(schema.invites.id, invite.id)).run();
	addMember(invite.planId, userId, invite.role, userId);
	appendAudit({
		action: 'invite.accepted',
		actorId: userId,
		planId: invite.planId,
		target: `invite:${invite.id}`,
		ip
	});
	return { userId, planId: invite.planId };
}
