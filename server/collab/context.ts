import type { SessionUser } from '../../src/lib/server/auth/session.ts';

/** What every collab connection carries: the user of the session that opened the socket. */
export interface CollabContext {
	user: SessionUser;
	ip: string;
	/** Name of the user's organization, shown with their presence. */
	organization: string;
}
