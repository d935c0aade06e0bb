/**
 * Both session lifetimes bound live sockets (issue 11, item 4): a socket left idle closes when its
 * session's idle window ends, and one that keeps editing closes at the absolute lifetime all the
 * same. Lifetimes are shortened to seconds through the environment; the sweep runs twice a second.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLOSE_CODES } from '../../src/lib/collab/close-codes.ts';
import { connect, eventually, upgradeStatus } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';
import { openTestDb } from '../helpers/db.ts';

let server: TestServer;

beforeAll(async () => {
	server = await startServer({
		env: {
			SESSION_IDLE_MINUTES: '0.15', // 9 s
			SESSION_ABSOLUTE_HOURS: '0.008', // 28.8 s
			SESSION_SWEEP_SECONDS: '0.5'
		}
	});
});
afterAll(async () => {
	await server?.stop();
});

const SESSION_ENDED = CLOSE_CODES.sessionEnded.code;
const IDLE_MS = 0.15 * 60_000;

/** The idle expiry of fgw's newest session (ms), straight from the database. */
function idleExpiry(): number {
	const db = openTestDb(server, { readonly: true });
	try {
		const row = db
			.prepare(
				"SELECT MAX(expires_at) AS at FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'fgw')"
			)
			.get() as { at: number | null };
		return row.at ?? 0;
	} finally {
		db.close();
	}
}

function closeCodes(client: ReturnType<typeof connect>): number[] {
	const codes: number[] = [];
	client.provider.on('close', ({ event }: { event: { code: number } }) => codes.push(event.code));
	return codes;
}

describe('session lifetimes bound sockets', () => {
	it('closes an idle socket when the idle window of its session ends', async () => {
		const cookie = await login(server.url, 'fgw');
		const client = connect(server.url, cookie, 'plan/1/section/6.1');
		const codes = closeCodes(client);
		try {
			await eventually(() => expect(client.provider.isSynced).toBe(true), 8000);
			await eventually(() => expect(codes).toContain(SESSION_ENDED), 30_000);
			expect(await upgradeStatus(server.url, { origin: server.url, cookie })).toBe(401);
		} finally {
			client.destroy();
		}
	});

	it('closes a socket that keeps editing at the absolute lifetime', async () => {
		const cookie = await login(server.url, 'fgw');
		const firstExpiry = idleExpiry();
		const client = connect(server.url, cookie, 'plan/1/section/6.1');
		const codes = closeCodes(client);
		// Editing is use: it keeps renewing the idle window, but not past the absolute end.
		let edits = 0;
		const typing = setInterval(() => {
			if (client.provider.isSynced) client.doc.getText('probe').insert(0, String(edits++ % 10));
		}, 500);
		try {
			await eventually(() => expect(client.provider.isSynced).toBe(true), 8000);
			// The sweep renews the session of a socket that carried edits, as a page load would: its
			// idle expiry moves a whole idle window past the first one, which only a session still
			// alive after that first expiry can reach.
			await eventually(() => expect(idleExpiry()).toBeGreaterThan(firstExpiry + IDLE_MS), 25_000);
			await eventually(() => expect(codes).toContain(SESSION_ENDED), 60_000);
			expect(edits).toBeGreaterThan(0);
			expect(await upgradeStatus(server.url, { origin: server.url, cookie })).toBe(401);
		} finally {
			clearInterval(typing);
			client.destroy();
		}
	});
});
