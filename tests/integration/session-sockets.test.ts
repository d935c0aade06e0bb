/**
 * Ended sessions end their sockets (issue 11, item 4): logout, a password change from another
 * session, the per-user socket cap, and awareness clientIDs that stay their user's. Through the real
 * server and real @hocuspocus/provider clients.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLOSE_CODES } from '../../src/lib/collab/close-codes.ts';
import { collabUrl, eventually, upgradeStatus, webSocketWithHeaders } from '../helpers/collab.ts';
import { DEMO_PASSWORD, login, postForm } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { openTestDb } from '../helpers/db.ts';

let server: TestServer;

beforeAll(async () => {
	// A quick sweep so nothing here waits the default 30 s (announced endings need no sweep at all).
	server = await startServer({ env: { SESSION_SWEEP_SECONDS: '0.5' } });
});
afterAll(async () => {
	await server?.stop();
});

interface Client {
	provider: HocuspocusProvider;
	doc: Y.Doc;
	socket: HocuspocusProviderWebsocket;
	/** Close codes the socket was closed with, in order. */
	closes: number[];
	destroy(): void;
}

/** A provider that never reconnects and records every close code it sees. */
function open(cookie: string, name: string, options: { clientID?: number } = {}): Client {
	const doc = new Y.Doc();
	if (options.clientID !== undefined) doc.clientID = options.clientID;
	const socket = new HocuspocusProviderWebsocket({
		url: collabUrl(server.url),
		WebSocketPolyfill: webSocketWithHeaders({ cookie, origin: server.url }),
		maxAttempts: 1
	});
	const closes: number[] = [];
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name,
		document: doc,
		token: 'session'
	});
	provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
	provider.attach();
	return {
		provider,
		doc,
		socket,
		closes,
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
}

function synced(client: Client) {
	return eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
}

const SESSION_ENDED = CLOSE_CODES.sessionEnded.code;

describe('ending a session closes its sockets at once', () => {
	it('logout closes the socket with the session-ended code; the cookie opens no other section', async () => {
		const cookie = await login(server.url, 'fgw');
		const client = open(cookie, 'plan/1/section/6.1');
		try {
			await synced(client);
			const session = () => fetch(`${server.url}/api/session`, { headers: { cookie } });
			expect((await session()).status).toBe(204);
			const logout = await postForm(server.url, '/logout', {}, cookie);
			expect(logout.status).toBe(303);
			await eventually(() => expect(client.closes).toContain(SESSION_ENDED));
			// The same cookie cannot open this or any other section any more.
			expect(await upgradeStatus(server.url, { origin: server.url, cookie })).toBe(401);
			// What the browser asks when a reconnect is refused at the upgrade (no close code to read).
			expect((await session()).status).toBe(401);
		} finally {
			client.destroy();
		}
	});

	it('a password change in one session closes the sockets of every other session of the user', async () => {
		const here = await login(server.url, 'gaj');
		const elsewhere = await login(server.url, 'gaj');
		const kept = open(here, 'plan/1/section/6.1');
		const ended = open(elsewhere, 'plan/1/section/6.1');
		const endedToo = open(elsewhere, 'plan/1/section/6.2');
		try {
			await Promise.all([synced(kept), synced(ended), synced(endedToo)]);
			const changed = await postForm(
				server.url,
				'/account?/password',
				{ current: DEMO_PASSWORD, password: 'a-new-password-1', confirm: 'a-new-password-1' },
				here
			);
			expect(changed.status).toBe(200);
			await eventually(() => expect(ended.closes).toContain(SESSION_ENDED));
			await eventually(() => expect(endedToo.closes).toContain(SESSION_ENDED));
			expect(await upgradeStatus(server.url, { origin: server.url, cookie: elsewhere })).toBe(401);
			// The session that changed the password keeps working, socket and all.
			expect(kept.closes).toEqual([]);
			expect(kept.provider.isSynced).toBe(true);
			expect(await upgradeStatus(server.url, { origin: server.url, cookie: here })).toBe(101);
		} finally {
			kept.destroy();
			ended.destroy();
			endedToo.destroy();
		}
	});

	it('a session deleted behind the server’s back loses its socket at the next sweep', async () => {
		const cookie = await login(server.url, 'wjw');
		const client = open(cookie, 'plan/1/section/6.2');
		try {
			await synced(client);
			const db = openTestDb(server);
			try {
				db.prepare(
					"DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'wjw')"
				).run();
			} finally {
				db.close();
			}
			await eventually(() => expect(client.closes).toContain(SESSION_ENDED), 10_000);
		} finally {
			client.destroy();
		}
	});
});

describe('per-user socket cap', () => {
	it('refuses a user’s 21st socket with its close code while another user of the address connects', async () => {
		const cookie = await login(server.url, 'admin');
		const clients: Client[] = [];
		try {
			for (let i = 0; i < 20; i++) clients.push(open(cookie, 'plan/1/section/6.1'));
			await Promise.all(clients.map(synced));
			const extra = open(cookie, 'plan/1/section/6.2');
			clients.push(extra);
			await eventually(() => expect(extra.closes).toContain(CLOSE_CODES.tooManyConnections.code));
			expect(extra.provider.isSynced).toBe(false);
			const dsj = await login(server.url, 'dsj');
			const other = open(dsj, 'plan/1/section/6.2');
			clients.push(other);
			await synced(other);
		} finally {
			for (const client of clients) client.destroy();
		}
		// Closing frees the slots again — once the server has seen the 21 sockets close, which on a
		// loaded machine may take a moment: a socket opened before that is refused, so try anew.
		await eventually(async () => {
			const again = open(cookie, 'plan/1/section/6.2');
			try {
				await eventually(() => {
					expect(again.closes).not.toContain(CLOSE_CODES.tooManyConnections.code);
					expect(again.provider.isSynced).toBe(true);
				}, 3000);
			} finally {
				again.destroy();
			}
		}, 30_000);
	});
});

describe('awareness clientIDs belong to their user', () => {
	it('another user cannot claim a clientID while its owner reconnects', async () => {
		const owner = await login(server.url, 'fgw');
		const intruder = await login(server.url, 'reviewer');
		const watcherCookie = await login(server.url, 'dsj');
		const clientID = 424242;
		const watcher = open(watcherCookie, 'plan/1/section/6.1');
		let first: Client | undefined;
		let thief: Client | undefined;
		let back: Client | undefined;
		try {
			await synced(watcher);
			first = open(owner, 'plan/1/section/6.1', { clientID });
			await synced(first);
			first.provider.setAwarenessField('cursor', 'owner-1');
			const seen = () => watcher.provider.awareness?.getStates().get(clientID);
			await eventually(() => expect(seen()?.cursor).toBe('owner-1'));
			const ownerId = seen()?.user?.id as number;
			first.destroy();
			await eventually(() => expect(seen()).toBeUndefined());

			const observed: unknown[] = [];
			watcher.provider.awareness?.on('change', () => observed.push(seen()?.cursor));

			// A read-only intruder takes the clientID in the window before the owner is back, with a
			// clock far ahead so that the watcher's awareness would accept its state.
			thief = open(intruder, 'plan/1/section/6.1', { clientID });
			await synced(thief);
			for (let i = 0; i < 50; i++) thief.provider.setAwarenessField('cursor', `thief-${i}`);

			// The owner reconnects with the same clientID and is heard — which the server would not
			// allow had the intruder's claim been accepted — and nobody ever saw the intruder's state.
			back = open(owner, 'plan/1/section/6.1', { clientID });
			await synced(back);
			for (let i = 0; i < 100; i++) back.provider.setAwarenessField('cursor', `owner-${i}`);
			await eventually(() => expect(seen()?.cursor).toBe('owner-99'));
			expect(seen()?.user?.id).toBe(ownerId);
			for (let i = 50; i < 200; i++) thief.provider.setAwarenessField('cursor', `thief-${i}`);
			back.provider.setAwarenessField('cursor', 'owner-last');
			await eventually(() => expect(seen()?.cursor).toBe('owner-last'));
			expect(seen()?.user?.id).toBe(ownerId);
			expect(observed.filter((c) => String(c).startsWith('thief'))).toEqual([]);
		} finally {
			watcher.destroy();
			first?.destroy();
			thief?.destroy();
			back?.destroy();
		}
	});
});
