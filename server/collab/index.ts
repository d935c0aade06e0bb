/**
 * The collaboration server: Hocuspocus with Lantu's extensions, attached to an HTTP server's upgrade
 * event on /collab. Extensions run in a deliberate order; it is stated once, at the `extensions`
 * array below (docs/ARCHITECTURE.md points there).
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type WebSocketLike } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/collab/close-codes.ts';
import { collabAccess } from '../../src/lib/server/access.ts';
import { onAccessChanged } from '../../src/lib/server/access-events.ts';
import { config } from '../../src/lib/server/config.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { logger } from '../../src/lib/server/log.ts';
import { parseSectionDocumentName } from '../../src/lib/standard/sections.ts';
import type { CollabContext } from './context.ts';
import { Authorization } from './extensions/authorization.ts';
import { AwarenessIdentity } from './extensions/awareness-identity.ts';
import { Limits } from './extensions/limits.ts';
import { BlockGuard } from './extensions/block-guard.ts';
import { SuggestGuard } from './extensions/suggest-guard.ts';
import { largeFrameGate } from './large-frames.ts';
import { MAX_SYNC_MESSAGE_BYTES } from './limits.ts';
import { Persistence } from './extensions/persistence.ts';
import { createCompactor } from './compactor.ts';
import { createDocumentStore, type IntegrityReport } from './store.ts';
import { appendAudit } from '../../src/lib/server/audit/index.ts';
import { Quarantine } from './extensions/quarantine.ts';
import { createGroupCommit, type GroupCommitStats } from './group-commit.ts';
import { SessionActivity, SocketRegistry, watchSessions, type Slot } from './sockets.ts';
import { checkUpgrade, clientIp, COLLAB_PATH, refuseUpgrade } from './upgrade.ts';
import { inMemory, take } from '../../src/lib/server/rate-limit.ts';

export interface CollabServer {
	hocuspocus: Hocuspocus<CollabContext>;
	/** Handles an HTTP upgrade; returns false when the path is not ours (let others handle it). */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	connectionCount(): number;
	/** Group-commit counters of the update log (the benchmark reads them). */
	updateLogStats(reset?: boolean): GroupCommitStats;
	/**
	 * Commits the updates this event-loop turn has queued now rather than at its end, for server code
	 * that reads the log right after changing a document (history's restore and version marks).
	 */
	flushUpdateLog(): void;
	/**
	 * A copy of a document's current state: the live one when loaded, else what is stored (every
	 * acknowledged update is stored before its ack, so the two agree). The caller owns the copy.
	 */
	readDocument(name: string): Y.Doc;
	/** The same as one Yjs update (what an export hands to its worker thread). */
	readState(name: string): Uint8Array;
	/** Flushes pending stores and closes every connection. */
	destroy(): Promise<void>;
}

export function createCollabServer(db: Db): CollabServer {
	const log = logger('collab');
	/** A checksum mismatch (integrity.ts): an error line and an audit entry, for the operators. */
	function reportIntegrity(report: IntegrityReport) {
		log.error(report, 'stored document state fails its checksum');
		try {
			appendAudit({
				action: 'document.integrity_failed',
				planId: parseSectionDocumentName(report.documentName)?.planId ?? null,
				target: report.documentName,
				details: { table: report.table, id: report.id ?? null, outcome: report.outcome }
			});
		} catch (error) {
			log.error({ err: error }, 'audit entry of an integrity failure not written');
		}
	}
	const compactor = createCompactor(
		db.$client.name,
		log.child({ part: 'compactor' }),
		reportIntegrity
	);
	const store = createDocumentStore(db, (report) => {
		reportIntegrity(report);
		// The compactor replaces a bad snapshot with one replayed from the log.
		if (report.table === 'document_snapshots') compactor.request(report.documentName, true);
	});
	// Checkpoints happen in the compactor's worker thread, not inside a commit on the event loop.
	db.$client.pragma('wal_autocheckpoint = 0');
	const quarantine = new Quarantine();
	const updateLog = createGroupCommit(store, (documentNames, error) => {
		// The documents in memory hold updates the log does not: drop those copies so they are
		// reloaded from disk, and the clients send again what the reload lacks.
		log.error({ err: error, documents: [...documentNames] }, 'appending updates failed');
		quarantine.isolate(documentNames);
	});
	const refusalAudit = oncePer(REFUSAL_AUDIT_WINDOW_MS);
	/**
	 * A refused update: logged every time by its guard; audited once per user and section per
	 * window, so a client that reconnects and sends the same bad update again cannot flood the
	 * audit log.
	 */
	function auditRefusal({
		userId,
		documentName,
		reason
	}: {
		userId: number;
		documentName: string;
		reason: string;
	}) {
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
	}
	const hocuspocus = new Hocuspocus<CollabContext>({
		name: 'lantu',
		quiet: true,
		debounce: 2000,
		maxDebounce: 10000,
		// The one statement of the extensions' order. Hocuspocus runs each hook in this order and a
		// rejection stops the chain: caps first (cheapest refusal), then quarantined documents, then
		// who may connect and with what scope, presence identity, session activity, the block guard
		// (refuses a malformed update before it is applied), the suggest guard (a suggest-only
		// connection's update that changes text outside suggestion marks), and persistence last
		// (stores only what all the others let through).
		extensions: [
			new Limits(),
			quarantine,
			new Authorization(),
			new AwarenessIdentity(),
			new SessionActivity(),
			new BlockGuard(log.child({ part: 'block-guard' }), auditRefusal),
			new SuggestGuard(log.child({ part: 'suggest-guard' }), auditRefusal),
			new Persistence(store, updateLog, compactor, log.child({ part: 'persistence' }))
		]
	});
	// Frames up to a whole document reach us (a big paste, a long offline session); `attach` lets
	// only document updates past the message cap through, within a per-socket budget.
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE_BYTES });

	/** Who is behind each open socket: caps per user and address, and ended sessions close theirs. */
	const sockets = new SocketRegistry({
		perUser: config.COLLAB_MAX_CONNECTIONS_PER_USER,
		perAddress: config.COLLAB_MAX_CONNECTIONS_PER_IP
	});
	const stopHearingAccess = onAccessChanged(({ planId, clause }) => refreshAccess(planId, clause));
	const stopWatching = watchSessions(
		sockets,
		config.SESSION_SWEEP_SECONDS * 1000,
		log.child({ part: 'sessions' })
	);
	/** Upgrades refused for want of a session or a right Origin, per address: bounded separately. */
	const refusedUpgrades = inMemory('collab-refused', {
		points: config.COLLAB_REFUSED_UPGRADES_PER_MINUTE,
		seconds: 60,
		blockSeconds: 60
	});
	const organizationName = db.$client.prepare<[number], { name: string }>(
		'SELECT name FROM organizations WHERE id = ?'
	);

	function attach(
		ws: WebSocket,
		request: IncomingMessage,
		context: CollabContext & Required<Pick<CollabContext, 'activity'>>,
		slot: Slot
	) {
		try {
			connectSocket(ws, request, context, slot);
		} catch (error) {
			// The socket is open but could not be wired up: close it rather than leave a dead slot.
			log.error({ err: error, user: context.user.id }, 'collab connection setup failed');
			slot.release();
			ws.terminate();
		}
	}

	function connectSocket(
		ws: WebSocket,
		request: IncomingMessage,
		context: CollabContext & Required<Pick<CollabContext, 'activity'>>,
		slot: Slot
	) {
		// Hocuspocus reads only the path, query and headers of this Request. The client's Host header is
		// not part of the URL: `Host: a b` made `new Request` throw and used to stop the process.
		const url = new URL(request.url ?? COLLAB_PATH, 'http://collab.invalid');
		const headers = new Headers();
		for (const [key, value] of Object.entries(request.headers)) {
			if (typeof value !== 'string') continue;
			try {
				headers.set(key, value);
			} catch {
				// a value Node's parser let through but the Fetch API refuses: Hocuspocus does without it
			}
		}
		// What Hocuspocus sends goes through the group commit: held while updates await their commit.
		const socket: WebSocketLike = {
			send: (data) => updateLog.send(ws, data as Parameters<WebSocket['send']>[0]),
			close(code, reason) {
				updateLog.commit(); // what was held for this socket goes out before the close
				ws.close(code, reason);
			},
			get readyState() {
				return ws.readyState;
			}
		};
		slot.bind(socket, context.activity);
		const client = hocuspocus.handleConnection(socket, new Request(url, { headers }), context);
		const admitFrame = largeFrameGate();
		ws.on('message', (data: Buffer, isBinary: boolean) => {
			if (!isBinary) return; // the protocol is binary; text frames are noise
			// Once we close a socket (ended session, lost access) nothing it still sends counts.
			if (ws.readyState !== ws.OPEN) return;
			const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
			if (!admitFrame(raw)) {
				log.warn({ bytes: raw.byteLength, user: context.user.id }, 'collab message too large');
				const { code, reason } = CLOSE_CODES.tooLarge;
				ws.close(code, reason);
				return;
			}
			try {
				client.handleMessage(raw);
			} catch (error) {
				// Per-socket boundary: whatever one client's frame breaks ends that socket, not the process.
				log.warn({ err: error, user: context.user.id }, 'collab message failed; closing socket');
				ws.close(1011, 'internal-error'); // RFC 6455 "unexpected condition"; the provider reconnects
			}
		});
		ws.on('close', (code: number, reason: Buffer) => {
			slot.release();
			try {
				client.handleClose({ code, reason: reason.toString() } as CloseEvent);
			} catch (error) {
				log.error({ err: error, user: context.user.id }, 'collab close handling failed');
			}
		});
		ws.on('error', (error: Error) => {
			// ws closes the socket with 1009 on oversized frames and reports it here.
			log.warn({ err: error.message, user: context.user.id }, 'websocket error');
		});
	}

	async function admit(request: IncomingMessage, socket: Duplex, head: Buffer) {
		const ip = clientIp(request);
		const check = checkUpgrade(request, config.ORIGIN);
		if (!check.ok) {
			// Refusals are counted per address; past the limit they get a bare 429 and no log line
			// each. A valid session from the same address (a city behind one proxy) still passes.
			const counted = await take(refusedUpgrades, ip);
			if (counted.ok) {
				log.info({ status: check.status, reason: check.message, ip }, 'collab upgrade refused');
				refuseUpgrade(socket, check.status, check.message);
			} else {
				if (counted.retryAfterMs >= 59_000) {
					log.warn({ ip }, 'collab upgrades refused too often from this address');
				}
				refuseUpgrade(socket, 429, 'too many refused upgrades');
			}
			return;
		}
		const reservation = sockets.reserve({
			userId: check.user.id,
			sessionId: check.sessionId,
			ip: check.ip
		});
		if (!reservation.ok && reservation.over === 'address') {
			log.warn({ ip: check.ip }, 'collab connections per address exceeded');
			refuseUpgrade(socket, 429, 'too many connections');
			return;
		}
		// Released when the TCP socket closes, also if the WebSocket handshake itself fails.
		if (reservation.ok) socket.once('close', () => reservation.slot.release());
		const organization = organizationName.get(check.user.organizationId)?.name ?? '';
		wss.handleUpgrade(request, socket, head, (ws) => {
			if (!reservation.ok) {
				// Over the per-user cap: a WebSocket close code is what a browser can read.
				log.warn({ user: check.user.id }, 'collab connections per user exceeded');
				const { code, reason } = CLOSE_CODES.tooManyConnections;
				ws.close(code, reason);
				return;
			}
			const context = {
				user: check.user,
				sessionId: check.sessionId,
				ip: check.ip,
				organization,
				activity: { used: false }
			};
			attach(ws, request, context, reservation.slot);
		});
	}

	/**
	 * Re-decides access for live connections to a plan's sections (announced by the services that
	 * change members, assignments or workflow state): writers who lost write access become
	 * read-only at once (a writer who may now only suggest is held to suggestions at once); those
	 * who lost all access are closed.
	 */
	function refreshAccess(planId: number, clause?: string) {
		eachConnection(planId, clause, (connection, sectionClause) => {
			const user = connection.context?.user;
			const access = user ? collabAccess(user.id, planId, sectionClause) : 'none';
			const readOnly = access === 'read' || access === 'none';
			const suggestOnly = access === 'suggest';
			const same =
				readOnly === connection.readOnly && suggestOnly === !!connection.context?.suggestOnly;
			if (access !== 'none' && same) return;
			if (connection.context) connection.context.suggestOnly = suggestOnly;
			// Refuse further updates at once, then close the socket so the provider reconnects,
			// authenticates again and learns its new scope (Outline's "authorization changed").
			connection.readOnly = readOnly;
			const { code, reason } = CLOSE_CODES.authorizationChanged;
			connection.webSocket.close(code, reason);
		});
	}

	function eachConnection(
		planId: number,
		clause: string | undefined,
		fn: (c: Connection<CollabContext>, clause: string) => void
	) {
		for (const document of hocuspocus.documents.values()) {
			const target = parseSectionDocumentName(document.name);
			if (!target || target.planId !== planId) continue;
			if (clause && target.clause !== clause) continue;
			for (const connection of document.getConnections())
				fn(connection as Connection<CollabContext>, target.clause);
		}
	}

	return {
		hocuspocus,
		handleUpgrade(request, socket, head) {
			const path = (request.url ?? '').split('?')[0];
			if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) return false;
			admit(request, socket, head).catch((error: unknown) => {
				// Whatever went wrong (e.g. the session lookup failed), this handshake ends here.
				log.error({ err: error }, 'collab upgrade failed');
				socket.destroy();
			});
			return true;
		},
		connectionCount: () => hocuspocus.getConnectionsCount(),
		updateLogStats: (reset) => updateLog.stats(reset),
		flushUpdateLog: () => updateLog.commit(),
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
		async destroy() {
			stopWatching();
			stopHearingAccess();
			updateLog.commit();
			hocuspocus.flushPendingStores();
			const { code, reason } = CLOSE_CODES.shuttingDown;
			for (const ws of wss.clients) ws.close(code, reason);
			await new Promise<void>((resolve) => wss.close(() => resolve()));
			await compactor.stop();
		}
	};
}

/** How often one user's refused updates on one section are audited (each one is logged). */
const REFUSAL_AUDIT_WINDOW_MS = 10 * 60 * 1000;

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
