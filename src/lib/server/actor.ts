/**
 * The acting user of a request, as every service outside the workflow and consultation modules
 * takes it: who (the session's user, with their organization) and from where (the client address
 * the limits count and the audit log records). Services ask the policy with `user.id`; a service
 * that needs the plan membership reads it itself, so a route cannot hand it a stale one.
 */
import type { SessionUser } from './auth/session.ts';

export interface Actor {
	user: SessionUser;
	/** The client address (TRUST_PROXY decides it); null when the request has none to tell. */
	ip: string | null;
}

interface ActorEvent {
	locals: { user: SessionUser | null };
	getClientAddress(): string;
}

/**
 * The actor of a request that a guard (requireUser, requirePlanMember, requireApiMember) has
 * already admitted; calling it before one is a programming error, not a 401.
 */
export function actorOf(event: ActorEvent): Actor {
	const user = event.locals.user;
	if (!user) throw new Error('actorOf: no signed-in user (call a guard first)');
	let ip: string | null;
	try {
		ip = event.getClientAddress();
	} catch {
		// adapter-node throws when it cannot tell (no socket address); the audit records "unknown".
		ip = null;
	}
	return { user, ip };
}
