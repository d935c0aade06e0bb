/**
 * The Hocuspocus instance with Lantu's extensions. Their order is stated once, here, at the
 * `extensions` array (docs/ARCHITECTURE.md points to it).
 */
import { Hocuspocus } from '@hocuspocus/server';
import { appendAudit } from '../audit/index.ts';
import type { Logger } from '../log.ts';
import { parseSectionDocumentName } from '../../standard/sections.ts';
import type { Cluster } from './cluster.ts';
import type { CollabContext } from './context.ts';
import { Authorization } from './extensions/authorization.ts';
import { AwarenessIdentity } from './extensions/awareness-identity.ts';
import { BlockGuard } from './extensions/block-guard.ts';
import { CatchUp } from './extensions/catch-up.ts';
import { SuggestGuard } from './extensions/suggest-guard.ts';
import { Limits } from './extensions/limits.ts';
import { OpinionDecisions } from './extensions/opinion-decisions.ts';
import { Persistence } from './extensions/persistence.ts';
import { SessionActivity } from './sockets.ts';
import type { Storage } from './storage.ts';

export function createHocuspocus(
	storage: Storage,
	log: Logger,
	cluster?: Cluster
): Hocuspocus<CollabContext> {
	const { store, updateLog, compactor, quarantine, latestUpdateId, settledUpdateId } = storage;
	const auditRefusal = refusalAuditor(log);
	return new Hocuspocus<CollabContext>({
		name: 'lantu',
		quiet: true,
		debounce: 2000,
		maxDebounce: 10000,
		// The one statement of the extensions' order. Hocuspocus runs each hook in this order and a
		// rejection stops the chain: caps first (cheapest refusal), then quarantined documents, then
		// who may connect and with what scope, presence identity, session activity, the catch-up
		// (an update built on content this instance lacks: taken from the store, else resync), the block guard
		// (refuses a malformed update before it is applied), the suggest guard (a suggest-only
		// connection's update that changes text outside suggestion marks), persistence (stores
		// only what all the others let through), and the observer of decisions on suggestions
		// applied from consultation opinions (watches what was applied). With several instances, Hocuspocus's Redis
		// extension (cluster.ts) is listed last but runs first: it declares priority 1000.
		extensions: [
			new Limits(),
			quarantine,
			new Authorization(),
			new AwarenessIdentity(),
			new SessionActivity(),
			new CatchUp(store, latestUpdateId, log.child({ part: 'catch-up' }), {
				onConnect: cluster !== undefined,
				settledUpdateId
			}),
			new BlockGuard(log.child({ part: 'block-guard' }), auditRefusal),
			new SuggestGuard(log.child({ part: 'suggest-guard' }), auditRefusal),
			new Persistence(store, updateLog, compactor, log.child({ part: 'persistence' })),
			new OpinionDecisions(log.child({ part: 'opinion-decisions' })),
			...(cluster ? [cluster.extension] : [])
		]
	});
}

/**
 * How often one user's refused updates on one section are audited (each one is logged). Counted
 * per process: it only thins out repeats, so with N instances at most N entries per window.
 */
const REFUSAL_AUDIT_WINDOW_MS = 10 * 60 * 1000;

/**
 * Refused updates (block and suggest guards): logged every time by the guard; audited once per user and section per
 * window, so a client that reconnects and sends the same bad update again cannot flood the audit log.
 */
function refusalAuditor(log: Logger) {
	const refusalAudit = oncePer(REFUSAL_AUDIT_WINDOW_MS);
	return ({ userId, documentName, reason }: RefusedUpdate) => {
		if (!refusalAudit.due(`${userId}:${documentName}`)) return;
		try {
			appendAudit({
				action: 'document.update_refused',
				actorId: userId,
				planId: parseSectionDocumentName(documentName)?.planId ?? null,
				target: documentName,
				details: { reason }
			});
		} catch (error) {
			log.error({ err: error }, 'audit entry of a refused update not written');
		}
	};
}

interface RefusedUpdate {
	userId: number;
	documentName: string;
	reason: string;
}

/** `due(key)` is true the first time a key is seen in a window, then false until it ends. */
function oncePer(windowMs: number) {
	const last = new Map<string, number>();
	return {
		due(key: string, now = Date.now()): boolean {
			const at = last.get(key);
			if (at !== undefined && now - at < windowMs) return false;
			if (last.size > 10_000) {
				for (const [k, t] of last) if (now - t >= windowMs) last.delete(k);
			}
			last.set(key, now);
			return true;
		}
	};
}
