/** Accounts and organizations. */
import { asc, count, eq } from 'drizzle-orm';
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
	const exists = db
		.select({ id: schema.users.id })
		.from(schema.users)
		.where(eq(schema.users.username, username))
		.get();
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

export function createOrganization(
	name: string,
	type: OrganizationType,
	actorId: number | null
): number {
	const db = getDb();
	const trimmed = name.trim();
	const exists = db
		.select({ id: schema.organizations.id })
		.from(schema.organizations)
		.where(eq(schema.organizations.name, trimmed))
		.get();
	if (exists) throw new DomainError('organization-exists', { name: trimmed });
	const row = db
		.insert(schema.organizations)
		.values({ name: trimmed, type })
		.returning({ id: schema.organizations.id })
		.get();
	appendAudit({
		action: 'organization.created',
		actorId,
		target: `organization:${row.id}`,
		details: { name: trimmed, type }
	});
	return row.id;
}

/** Disabling ends every session of the account at once, and with them its live collab sockets. */
export function setUserDisabled(userId: number, disabled: boolean, actorId: number): void {
	const db = getDb();
	db.update(schema.users)
		.set({ disabledAt: disabled ? new Date() : null })
		.where(eq(schema.users.id, userId))
		.run();
	if (disabled) invalidateUserSessions(userId);
	appendAudit({
		action: disabled ? 'user.disabled' : 'user.enabled',
		actorId,
		target: `user:${userId}`
	});
}

/** The columns every read of an account starts from (never the password hash). */
const USER_COLUMNS = {
	id: schema.users.id,
	username: schema.users.username,
	displayName: schema.users.displayName,
	organizationId: schema.users.organizationId,
	disabledAt: schema.users.disabledAt
};

export function listUsers() {
	return getDb()
		.select({
			...USER_COLUMNS,
			organization: schema.organizations.name,
			organizationType: schema.organizations.type,
			isSystemAdmin: schema.users.isSystemAdmin
		})
		.from(schema.users)
		.innerJoin(schema.organizations, eq(schema.users.organizationId, schema.organizations.id))
		.orderBy(asc(schema.organizations.id), asc(schema.users.id))
		.all();
}

export function listOrganizations() {
	const db = getDb();
	const counts = new Map(
		db
			.select({ organizationId: schema.users.organizationId, n: count() })
			.from(schema.users)
			.groupBy(schema.users.organizationId)
			.all()
			.map((r) => [r.organizationId, r.n])
	);
	return db
		.select({
			id: schema.organizations.id,
			name: schema.organizations.name,
			type: schema.organizations.type
		})
		.from(schema.organizations)
		.orderBy(asc(schema.organizations.id))
		.all()
		.map((o) => ({ ...o, members: counts.get(o.id) ?? 0 }));
}

export function getOrganization(id: number) {
	return getDb().select().from(schema.organizations).where(eq(schema.organizations.id, id)).get();
}

export function getUser(id: number) {
	return getDb()
		.select({
			...USER_COLUMNS,
			email: schema.users.email,
			passwordHash: schema.users.passwordHash
		})
		.from(schema.users)
		.where(eq(schema.users.id, id))
		.get();
}

/** Sets (or, with null, clears) the user's notification e-mail; audited. */
export function setEmail(userId: number, email: string | null): void {
	getDb().update(schema.users).set({ email }).where(eq(schema.users.id, userId)).run();
	appendAudit({
		action: 'user.email_changed',
		actorId: userId,
		target: `user:${userId}`,
		details: { set: email !== null }
	});
}

/** Sets a new password; ends every other session of the user (all of them when `keepSessionId` is unset). */
export async function setPassword(
	userId: number,
	password: string,
	actorId: number,
	keepSessionId?: string
): Promise<void> {
	const passwordHash = await hashPassword(password);
	getDb()
		.update(schema.users)
		.set({ passwordHash, passwordChangedAt: new Date() })
		.where(eq(schema.users.id, userId))
		.run();
	invalidateUserSessions(userId, keepSessionId);
	appendAudit({ action: 'password.changed', actorId, target: `user:${userId}` });
}
