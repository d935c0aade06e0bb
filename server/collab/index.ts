/**
 * The collaboration server: Hocuspocus with Lantu's extensions, attached to an HTTP server's upgrade
 * event on /collab. Extensions run in a deliberate order (STYLE.md): authorization → persistence →
 * logging; a rejection stops the chain.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Connection, type WebSocketLike } from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/collab/close-codes.ts';
import { sectionAccess } from '../../src/lib/server/access.ts';
import { config } from '../../src/lib/server/config.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { logger } from '../../src/lib/server/log.ts';
import { parseSectionDocumentName } from '../../src/lib/standard/sections.ts';
import type { CollabContext } from './context.ts';
import { Authorization } from './extensions/authorization.ts';
import { AwarenessIdentity } from './extensions/awareness-identity.ts';
import { Limits } from './extensions/limits.ts';
import { BlockGuard } from './extensions/block-guard.ts';
import { largeFrameGate } from './large-frames.ts';
import { MAX_CONNECTIONS_PER_IP, MAX_SYNC_MESSAGE_BYTES } from './limits.ts';
import { Persistence } from './extensions/persistence.ts';
import { createCompactor } from './compactor.ts';
import { createDocumentStore, type IntegrityReport } from './store.ts';
import { appendAudit } from '../../src/lib/server/audit/index.ts';
import { Quarantine } from './extensions/quarantine.ts';
import { createGroupCommit, type GroupCommitStats } from './group-commit.ts';
import { checkUpgrade, COLLAB_PATH, refuseUpgrade } from './upgrade.ts';

export interface CollabServer {
	hocuspocus: Hocuspocus<CollabContext>;
	/** Handles an HTTP upgrade; returns false when the path is not ours (let others handle it). */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
	/**
	 * Re-decides access for live connections to a plan's sections (assignment or workflow changed):
	 * writers who lost write access become read-only at once; those who lost all access are closed.
	 */
	refreshAccess(planId: number, clause?: string): void;
	/** Closes every live connection of a user (account disabled). */
	disconnectUser(userId: number): void;
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
	const hocuspocus = new Hocuspocus<CollabContext>({
		name: 'lantu',
		quiet: true,
		debounce: 2000,
		maxDebounce: 10000,
		// Order is design: a rejection stops the chain, so cheap refusals come first.
		extensions: [
			new Limits(),
			quarantine,
			new Authorization(),
			new AwarenessIdentity(),
			new BlockGuard(log.child({ part: 'block-guard' }), ({ userId, documentName, reason }) => {
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
			}),
			new Persistence(store, updateLog, compactor, log.child({ part: 'persistence' }))
		]
	});
	// Frames up to a whole document reach us (a big paste, a long offline session); `attach` lets
	// only document updates past the message cap through, within a per-socket budget.
	const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_SYNC_MESSAGE_BYTES });

	/** Who is behind each open socket, so an account can be cut off at once and IPs capped. */
	const socketUsers = new Map<WebSocket, { userId: number; ip: string }>();
	const organizationName = db.$client.prepare<[number], { name: string }>(
		'SELECT name FROM organizations WHERE id = ?'
	);

	function attach(ws: WebSocket, request: IncomingMessage, context: CollabContext) {
		socketUsers.set(ws, { userId: context.user.id, ip: context.ip });
		const url = `http://${request.headers.host ?? 'localhost'}${request.url ?? COLLAB_PATH}`;
		const headers = new Headers();
		for (const [key, value] of Object.entries(request.headers)) {
			if (typeof value === 'string') headers.set(key, value);
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
		const client = hocuspocus.handleConnection(socket, new Request(url, { headers }), context);
		const admitFrame = largeFrameGate();
		ws.on('message', (data: Buffer, isBinary: boolean) => {
			if (!isBinary) return; // the protocol is binary; text frames are noise
			const raw = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
			if (!admitFrame(raw)) {
				log.warn({ bytes: raw.byteLength, user: context.user.id }, 'collab message too large');
				const { code, reason } = CLOSE_CODES.tooLarge;
				ws.close(code, reason);
				return;
			}
			client.handleMessage(raw);
		});
		ws.on('close', (code: number, reason: Buffer) => {
			socketUsers.delete(ws);
			client.handleClose({ code, reason: reason.toString() } as CloseEvent);
		});
		ws.on('error', (error: Error) => {
			// ws closes the socket with 1009 on oversized frames and reports it here.
			log.warn({ err: error.message, user: context.user.id }, 'websocket error');
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
			const check = checkUpgrade(request, config.ORIGIN);
			if (!check.ok) {
				log.info({ status: check.status, reason: check.message }, 'collab upgrade refused');
				refuseUpgrade(socket, check.status, check.message);
				return true;
			}
			const openFromIp = [...socketUsers.values()].filter((s) => s.ip === check.ip).length;
			if (openFromIp >= MAX_CONNECTIONS_PER_IP) {
				log.warn({ ip: check.ip }, 'collab connections per IP exceeded');
				refuseUpgrade(socket, 429, 'too many connections');
				return true;
			}
			const organization = organizationName.get(check.user.organizationId)?.name ?? '';
			wss.handleUpgrade(request, socket, head, (ws) => {
				attach(ws, request, { user: check.user, ip: check.ip, organization });
			});
			return true;
		},
		refreshAccess(planId, clause) {
			eachConnection(planId, clause, (connection, sectionClause) => {
				const user = connection.context?.user;
				const access = user ? sectionAccess(user.id, planId, sectionClause) : 'none';
				const readOnly = access !== 'write';
				if (access !== 'none' && readOnly === connection.readOnly) return;
				// Refuse further updates at once, then close the socket so the provider reconnects,
				// authenticates again and learns its new scope (Outline's "authorization changed").
				connection.readOnly = readOnly;
				const { code, reason } = CLOSE_CODES.authorizationChanged;
				connection.webSocket.close(code, reason);
			});
		},
		disconnectUser(userId) {
			const { code, reason } = CLOSE_CODES.unauthorized;
			for (const document of hocuspocus.documents.values()) {
				for (const connection of document.getConnections()) {
					if ((connection.context as CollabContext | undefined)?.user.id === userId) {
						connection.close({ code, reason });
					}
				}
			}
			for (const [ws, owner] of socketUsers) {
				if (owner.userId === userId) ws.close(code, reason);
			}
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
			updateLog.commit();
			hocuspocus.flushPendingStores();
			const { code, reason } = CLOSE_CODES.shuttingDown;
			for (const ws of wss.clients) ws.close(code, reason);
			await new Promise<void>((resolve) => wss.close(() => resolve()));
			await compactor.stop();
		}
	};
}
