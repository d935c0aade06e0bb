/**
 * The collaboration server, assembled from its parts: storage (storage.ts), Hocuspocus with the
 * extensions in their one stated order (hocuspocus.ts), admission of /collab upgrades
 * (admission.ts) and the sockets it wires up (connection.ts), live re-decisions of access
 * (live-access.ts) and ended sessions (sockets.ts). The app sees it through its narrow face
 * (../collab.ts); the HTTP entry through `CollabServer`.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Hocuspocus } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../collab/close-codes.ts';
import { hostname } from 'node:os';
import { onAccessChanged } from '../access-events.ts';
import { onSessionsEnded, type SessionsEnded } from '../auth/session-events.ts';
import type { Collab } from '../collab.ts';
import { config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { parseSectionDocumentName } from '../../standard/sections.ts';
import { logger, type Logger } from '../log.ts';
import { createAdmission } from './admission.ts';
import { createCluster, type Cluster } from './cluster.ts';
import type { CollabContext } from './context.ts';
import type { GroupCommit, GroupCommitStats } from './group-commit.ts';
import { CatchUp } from './extensions/catch-up.ts';
import { createHocuspocus } from './hocuspocus.ts';
import { MAX_SYNC_MESSAGE_BYTES } from './limits.ts';
import { refreshAccess } from './live-access.ts';
import { SocketRegistry, watchSessions } from './sockets.ts';
import { createStorage, type Storage } from './storage.ts';
import { COLLAB_PATH } from './upgrade.ts';

/** The face plus what only the process entry and the benchmark probe use. */
export interface CollabServer extends Collab {
	/** Handles an HTTP upgrade; returns false when the path is not ours (let others handle it). */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/** Group-commit counters of the update log (the benchmark reads them). */
	updateLogStats(reset?: boolean): GroupCommitStats;
	/**
	 * Stops admitting: new /collab upgrades are refused (503) and readiness turns false, so a load
	 * balancer sends new clients elsewhere. Open sockets keep working until `destroy`.
	 */
	drain(): void;
	/** Commits the update log, flushes pending stores, closes every socket with a reconnect code. */
	destroy(): Promise<void>;
}

export function createCollabServer(db: Db): CollabServer {
	const log = logger('collab');
	const storage = createStorage(db, log);
	const { updateLog } = storage;
	// What another instance's services announce is applied to this instance's sockets.
	const instances = joinInstances(updateLog, log, {
		access: (planId, clause) => refreshAccess(hocuspocus, planId, clause),
		sessions: (ended) => sockets.closeEnded(ended),
		apart: () => catchUpEverything(hocuspocus),
		reconnected: () => {
			catchUpEverything(hocuspocus);
			sockets.sweep();
		}
	});
	const cluster = instances.cluster;
	const hocuspocus = createHocuspocus(storage, log, cluster);
	// Frames up to a whole document reach us (a big paste, a long offline session); the connection's
	// large-frame gate lets only document updates past the message cap through, within a budget.
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE_BYTES });
	/** Who is behind each open socket: caps per user and address, and ended sessions close theirs. */
	const sockets = new SocketRegistry({
		perUser: config.COLLAB_MAX_CONNECTIONS_PER_USER,
		perAddress: config.COLLAB_MAX_CONNECTIONS_PER_IP
	});
	const stopHearingAccess = onAccessChanged(({ planId, clause }) =>
		refreshAccess(hocuspocus, planId, clause)
	);
	const stopWatching = watchSessions(
		sockets,
		config.SESSION_SWEEP_SECONDS * 1000,
		log.child({ part: 'sessions' })
	);
	let draining = false;
	const organizationStatement = db.$client.prepare<[number], { name: string }>(
		'SELECT name FROM organizations WHERE id = ?'
	);
	const organizationName = (id: number) => organizationStatement.get(id)?.name ?? '';
	const admit = createAdmission({ hocuspocus, updateLog, log, wss, sockets, organizationName });

	return {
		handleUpgrade(request, socket, head) {
			const path = (request.url ?? '').split('?')[0];
			if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) return false;
			if (draining) {
				// The provider retries; behind a load balancer the retry reaches another instance.
				socket.end(SERVICE_UNAVAILABLE);
				return true;
			}
			admit(request, socket, head).catch((error: unknown) => {
				// Whatever went wrong (e.g. the session lookup failed), this handshake ends here.
				log.error({ err: error }, 'collab upgrade failed');
				socket.destroy();
			});
			return true;
		},
		stats: () => ({
			connections: hocuspocus.getConnectionsCount(),
			documents: hocuspocus.documents.size
		}),
		readiness: () => ({
			accepting: !draining,
			redis: cluster ? (cluster.connected() ? 'ok' : 'fail') : 'off'
		}),
		drain() {
			if (!draining) log.info('draining: new collaboration sockets are refused');
			draining = true;
		},
		updateLogStats: (reset) => updateLog.stats(reset),
		flushUpdateLog: () => updateLog.commit(),
		...documentFace(hocuspocus, storage, organizationName),
		async destroy() {
			draining = true;
			stopWatching();
			stopHearingAccess();
			instances.leave();
			await closeEverything({ hocuspocus, wss, storage, cluster });
		}
	};
}

/**
 * The end of a drain: everything applied so far is stored (and its held acknowledgements sent)
 * before any socket closes; what a client sends after this is not applied (the socket is closing,
 * connection.ts) and is sent again by its provider after the reconnect.
 */
async function closeEverything({
	hocuspocus,
	wss,
	storage: { updateLog, compactor },
	cluster
}: {
	hocuspocus: Hocuspocus<CollabContext>;
	wss: WebSocketServer;
	storage: Storage;
	cluster?: Cluster;
}) {
	await updateLog.flush();
	hocuspocus.flushPendingStores();
	const { code, reason } = CLOSE_CODES.shuttingDown;
	for (const ws of wss.clients) updateLog.close(ws, code, reason);
	await new Promise<void>((resolve) => wss.close(() => resolve()));
	await updateLog.flush(); // a DirectConnection's change during the close, if any
	await cluster?.close();
	await compactor.stop();
}

const SERVICE_UNAVAILABLE =
	'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n';

/**
 * With REDIS_URL, the other instances (cluster.ts): what this instance's services announce (access
 * changed, sessions ended) is published to them, what they publish is handed to `apply`.
 */
function joinInstances(
	updateLog: GroupCommit,
	log: Logger,
	apply: {
		access(planId: number, clause?: string): void;
		sessions(ended: SessionsEnded): void;
		apart(): void;
		reconnected(): void;
	}
): { cluster?: Cluster; leave(): void } {
	if (!config.REDIS_URL) return { leave: () => {} };
	const cluster = createCluster({
		url: config.REDIS_URL,
		identifier: config.INSTANCE_NAME ?? `${hostname()}-${process.pid}`,
		log: log.child({ part: 'cluster' }),
		whenCommitted: () => updateLog.whenCommitted(),
		whileApart: apply.apart,
		onReconnect: apply.reconnected,
		onEvent: (event) => {
			if (event.kind === 'access') apply.access(event.planId, event.clause);
			else apply.sessions({ sessionIds: event.sessionIds, user: event.user });
		}
	});
	const stopAccess = onAccessChanged((changed) => cluster.publish({ kind: 'access', ...changed }));
	const stopSessions = onSessionsEnded((ended) => cluster.publish({ kind: 'sessions', ...ended }));
	return {
		cluster,
		leave() {
			stopAccess();
			stopSessions();
		}
	};
}

/**
 * While Redis is away and when it is back: each open section takes in what the store holds and it
 * lacks (what other instances' clients wrote, or an instance that died acknowledged), and every
 * open socket's access is re-decided (no message announces changes made on other instances).
 */
function catchUpEverything(hocuspocus: Hocuspocus<CollabContext>) {
	const catchUp = hocuspocus.configuration.extensions.find((e) => e instanceof CatchUp);
	const plans = new Set<number>();
	for (const [name, document] of hocuspocus.documents) {
		catchUp?.takeInStored(document, name);
		const planId = parseSectionDocumentName(name)?.planId;
		if (planId !== undefined) plans.add(planId);
	}
	for (const planId of plans) refreshAccess(hocuspocus, planId);
}

/** The documents part of the face: read, change as a user, announce. */
function documentFace(
	hocuspocus: Hocuspocus<CollabContext>,
	{ store, updateLog }: Storage,
	organizationName: (organizationId: number) => string
): Pick<Collab, 'readState' | 'readDocument' | 'editAs' | 'announce'> {
	return {
		readState(name) {
			const live = hocuspocus.documents.get(name);
			return live ? Y.encodeStateAsUpdate(live) : store.state(name);
		},
		readDocument(name) {
			const copy = new Y.Doc();
			const live = hocuspocus.documents.get(name);
			if (live) Y.applyUpdate(copy, Y.encodeStateAsUpdate(live));
			else store.load(name, copy);
			return copy;
		},
		async editAs(actor, name, change) {
			// A DirectConnection whose context is the actor: persistence logs the change as theirs.
			const connection = await hocuspocus.openDirectConnection(name, {
				user: actor.user,
				ip: actor.ip,
				organization: organizationName(actor.user.organizationId)
			});
			try {
				let result: ReturnType<typeof change> | undefined;
				await connection.transact((doc) => {
					result = change(doc);
				});
				updateLog.commit();
				return result as ReturnType<typeof change>;
			} finally {
				await connection.disconnect({ unloadImmediately: false });
			}
		},
		announce(name, message) {
			hocuspocus.documents.get(name)?.broadcastStateless(message);
		}
	};
}
