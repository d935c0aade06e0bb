/** Accounts and organizations. */
import { eq } from 'drizzle-orm';
import type { OrganizationType } from '../roles.ts';
import { hashPassword } from './auth/password.ts';
import { invalidateUserSessions } from './auth/session.ts';
import { appendAudit } from './audit/index.ts';
import { getDb, schema } from './db/index.ts';
import { DomainError } from './errors.ts';

export interface NewUser {
	username: string;
	displayName: string;
	password: string;
	organizationId: number;
	isSystemAdmin?: boolean;
}

export async function createUser(input: NewUser, actorId: number | null): Promise<number> {
	const db = getDb();
	const username = input.username.trim().toLowerCase();
	const exists = db.select({ id: schema.users.id }).from(schema.users).where(eq(schema.users.username, username)).get();
	if (exists) throw new DomainError('username-taken', { username });
	const passwordHash = await hashPassword(input.password);
	const row = db
		.insert(schema.users)
		.values({
			username,
			displayName: input.displayName.trim(),
			passwordHash,
			organizationId: input.organizationId,
			isSystemAdmin: input.isSystemAdmin ?? false
		})
		.returning({ id: schema.users.id })
		.get();
	appendAudit({ action: 'user.created', actorId, target: `user:${row.id}`, details: { username } });
	return row.id;
}

export function createOrganization(name: string, type: OrganizationType, actorId: number | null): number {
	const db = getDb();
	const trimmed = name.trim();
	const exists = db.select({ id: schema.organizations.id }).from(schema.organizations).where(eq(schema.organizations.name, trimmed)).get();
	if (exists) throw new DomainError('organization-exists', { name: trimmed });
	const row = db.insert(schema.organizations).values({ name: trimmed, type }).returning({ id: schema.organizations.id }).get();
	appendAudit({ action: 'organization.created', actorId, target: `organization:${row.id}`, details: { name: trimmed, type } });
	return row.id;
}

/** Disabling ends every session of the account at once (and closes its collab sockets on next check). */
export function setUserDisabled(userId: number, disabled: boolean, actorId: number): void {
	const db = getDb();
	db.update(schema.users).set({ disabledAt: disabled ? new Date() : null }).where(eq(schema.users.id, userId)).run();
	if (disabled) invalidateUserSessions(userId);
	appendAudit({ action: disabled ? 'user.disabled' : 'user.enabled', actorId, target: `user:${userId}` });
}
