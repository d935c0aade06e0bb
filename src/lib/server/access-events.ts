/**
 * "Who may do what in this plan (or section) has changed": announced by every service that changes
 * a fact the policy decides from (members, section assignments, workflow state), and heard by the
 * collab server, which re-decides its live connections at once (writers who lost write access
 * become read-only; those who lost all access are closed). Services announce, never routes, so a
 * future route cannot forget. Listeners live on globalThis so a second copy of this module (Vite's
 * dev graph next to server/) still reaches the same collab server; with several instances this is
 * the function that broadcasts.
 */
export interface AccessChanged {
	planId: number;
	/** Only this section's connections; all of the plan's when absent. */
	clause?: string;
}
type Listener = (changed: AccessChanged) => void;

const KEY = Symbol.for('lantu.accessChanged');
type Holder = { [KEY]?: Set<Listener> };

function listeners(): Set<Listener> {
	return ((globalThis as Holder)[KEY] ??= new Set());
}

/** Subscribes; returns the unsubscribe function. */
export function onAccessChanged(listener: Listener): () => void {
	listeners().add(listener);
	return () => listeners().delete(listener);
}

export function announceAccessChanged(changed: AccessChanged): void {
	for (const listener of listeners()) listener(changed);
}
