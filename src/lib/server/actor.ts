/**
 * The acting user of a request, the one shape every service takes: who (the session's user, with
 * their organization) and from where (the client address the limits count and the audit log
 * records). Services ask the policy with `user.id`. Inside one plan the workflow also needs the
 * user's membership on every step; `MemberActor` is the same Actor carrying the membership the
 * plan guard read once for this request (never one a caller made up).
 */
import type { Membership } from '../roles.ts';
import type { SessionUser } from './auth/session.ts';

export interface Actor {
	user: SessionUser;
	/** The client address (TRUST_PROXY decides it); null when the request has none to tell. */
	ip: string | null;
}

/** An Actor inside one plan, with the membership `requirePlanMember` read for this request. */
export interface MemberActor extends Actor {
	membership: Membership;
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

/** The actor of a request inside a plan, given the membership its plan guard returned. */
export function memberActorOf(event: ActorEvent, membership: Membership): MemberActor {
	return { ...actorOf(event), membership };
}
