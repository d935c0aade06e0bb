/**
 * "Who may do what in this plan (or section) has changed": announced by every service that changes
 * a fact the policy decides from (members, section assignments, workflow state), and heard by the
 * collab server, which re-decides its live connections at once (writers who lost write access
 * become read-only; those who lost all access are closed). Services announce, never routes, so a
 * future route cannot forget. With several instances this is the function that broadcasts.
 */
import { processChannel } from './process-channel.ts';

export interface AccessChanged {
	planId: number;
	/** Only this section's connections; all of the plan's when absent. */
	clause?: string;
}
const channel = processChannel<AccessChanged>('accessChanged');

/** Subscribes; returns the unsubscribe function. */
export const onAccessChanged = channel.on;

export function announceAccessChanged(changed: AccessChanged): void {
	channel.emit(changed);
}
