/**
 * One admitted WebSocket wired to Hocuspocus: what Hocuspocus sends goes through the group commit
 * (held while updates await their commit), what the client sends passes the large-frame gate, and
 * each socket is its own failure boundary — whatever one client's frame breaks ends that socket,
 * not the process.
 */
import type { IncomingMessage } from 'node:http';
import type { Hocuspocus, WebSocketLike } from '@hocuspocus/server';
import type { WebSocket } from 'ws';
import { CLOSE_CODES } from '../../collab/close-codes.ts';
import type { Logger } from '../log.ts';
import type { CollabContext } from './context.ts';
import type { GroupCommit } from './group-commit.ts';
import { largeFrameGate } from './large-frames.ts';
import type { Slot } from './sockets.ts';
import { COLLAB_PATH } from './upgrade.ts';

export type SocketContext = CollabContext & Required<Pick<CollabContext, 'activity'>>;

export interface ConnectionDeps {
	hocuspocus: Hocuspocus<CollabContext>;
	updateLog: GroupCommit;
	log: Logger;
}

/** Wires the socket up; if that fails, closes it rather than leave a dead slot. */
export function attach(
	deps: ConnectionDeps,
	ws: WebSocket,
	request: IncomingMessage,
	context: SocketContext,
	slot: Slot
): void {
	try {
		connectSocket(deps, ws, request, context, slot);
	} catch (error) {
		deps.log.error({ err: error, user: context.user.id }, 'collab connection setup failed');
		slot.release();
		ws.terminate();
	}
}

function connectSocket(
	{ hocuspocus, updateLog, log }: ConnectionDeps,
	ws: WebSocket,
	request: IncomingMessage,
	context: SocketContext,
	slot: Slot
) {
	// Set when the server closes this socket: the close itself may wait for a commit in flight.
	const state = { closing: false };
	const socket = heldSocket(ws, updateLog, state);
	slot.bind(socket, context.activity);
	const client = hocuspocus.handleConnection(socket, hocuspocusRequest(request), context);
	const admitFrame = largeFrameGate();
	ws.on('message', (data: Buffer, isBinary: boolean) => {
		if (!isBinary) return; // the protocol is binary; text frames are noise
		// Once we close a socket (ended session, lost access) nothing it still sends counts.
		if (ws.readyState !== ws.OPEN || state.closing) return;
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

/**
 * What Hocuspocus sends goes through the group commit: held while updates await their commit. A
 * close goes the same way, after what was held for the socket (a commit may be in flight).
 */
function heldSocket(
	ws: WebSocket,
	updateLog: GroupCommit,
	state: { closing: boolean }
): WebSocketLike {
	return {
		send: (data) => updateLog.send(ws, data as Parameters<WebSocket['send']>[0]),
		close(code, reason) {
			state.closing = true;
			updateLog.commit(); // what is queued goes now, not at the end of the turn
			updateLog.close(ws, code, reason);
		},
		get readyState() {
			return ws.readyState;
		}
	};
}

/**
 * Hocuspocus reads only the path, query and headers of this Request. The client's Host header is
 * not part of the URL: `Host: a b` made `new Request` throw and used to stop the process.
 */
function hocuspocusRequest(request: IncomingMessage): Request {
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
	return new Request(url, { headers });
}
