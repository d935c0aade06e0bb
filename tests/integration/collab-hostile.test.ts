import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { collabUrl, connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

let server: TestServer;
let cookie: string;
const DOC = 'plan/1/section/9.1';

beforeAll(async () => {
	server = await startServer();
	cookie = await login(server.url, 'fgw'); // fgw writes 9.1
});
afterAll(async () => {
	await server?.stop();
});

function rawSocket(): Promise<WebSocket> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(collabUrl(server.url), { headers: { cookie, origin: server.url } });
		ws.on('open', () => resolve(ws));
		ws.on('error', reject);
	});
}

function closed(ws: WebSocket): Promise<number> {
	return new Promise((resolve) => ws.on('close', (code) => resolve(code)));
}

/** A Hocuspocus frame: document address, message type, then the payload. */
function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, DOC);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

async function assertHealthyAndIntact(expected: string) {
	expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	const reader = connect(server.url, cookie, DOC);
	try {
		await eventually(() => expect(reader.provider.isSynced).toBe(true));
		expect(reader.doc.getText('t').toString()).toBe(expected);
	} finally {
		reader.destroy();
	}
}

describe('hostile input leaves the server up and documents intact', () => {
	const content = '重点工程：城市大脑';

	beforeAll(async () => {
		const writer = connect(server.url, cookie, DOC);
		await eventually(() => expect(writer.provider.isSynced).toBe(true));
		writer.doc.getText('t').insert(0, content);
		await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
		writer.destroy();
	});

	it('survives random bytes and truncated frames', async () => {
		const ws = await rawSocket();
		for (let i = 0; i < 50; i++) {
			ws.send(crypto.getRandomValues(new Uint8Array(1 + Math.floor(Math.random() * 200))));
		}
		ws.send(frame((e) => encoding.writeVarUint(e, 0)).slice(0, -1));
		ws.send(new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x80]));
		ws.close();
		await assertHealthyAndIntact(content);
	});

	it('ignores text frames', async () => {
		const ws = await rawSocket();
		ws.send('{"type":"hello"}');
		ws.close();
		await assertHealthyAndIntact(content);
	});

	it('closes a connection that sends a frame above the 1.5 MiB cap with 1009', async () => {
		const ws = await rawSocket();
		const code = closed(ws);
		ws.send(new Uint8Array(2 * 1024 * 1024));
		expect(await code).toBe(1009);
		await assertHealthyAndIntact(content);
	});

	it('rejects a garbage Yjs update and a V2-encoded update without changing the document', async () => {
		const other = new Y.Doc();
		other.getText('t').insert(0, '篡改');
		const v2 = Y.encodeStateAsUpdateV2(other);
		const ws = await rawSocket();
		// Authenticate first so the frames reach the document.
		ws.send(
			frame((e) => {
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint(e, 0);
				encoding.writeVarString(e, 'session');
			})
		);
		await new Promise((r) => setTimeout(r, 200));
		for (const payload of [
			v2,
			crypto.getRandomValues(new Uint8Array(64)),
			new Uint8Array([0, 0, 1, 2, 3])
		]) {
			ws.send(
				frame((e) => {
					encoding.writeVarUint(e, 0);
					encoding.writeVarUint(e, 2);
					encoding.writeVarUint8Array(e, payload);
				})
			);
		}
		await new Promise((r) => setTimeout(r, 300));
		ws.close();
		await assertHealthyAndIntact(content);
	});

	it('survives an awareness flood', async () => {
		const ws = await rawSocket();
		for (let i = 0; i < 500; i++) {
			ws.send(
				frame((e) => {
					encoding.writeVarUint(e, 1);
					encoding.writeVarUint8Array(e, crypto.getRandomValues(new Uint8Array(32)));
				})
			);
		}
		ws.close();
		await assertHealthyAndIntact(content);
	});
});
