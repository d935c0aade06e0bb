/**
 * Fuzzing the real server's /collab endpoint (issue 11: "no request from anyone can stop the server").
 *
 * 1. Upgrade requests over raw TCP: a valid authenticated handshake, mutated — random and hostile
 *    header values (cookies, Host, Origin, Sec-WebSocket-Key/Version), duplicated and missing headers,
 *    odd paths, random bytes, requests cut off mid-way.
 * 2. WebSocket frames after a valid authenticated upgrade as an editor (fgw): random bytes, truncated
 *    Hocuspocus/y-protocol messages, huge varints, wrong and absurd document names, and well-formed
 *    updates aimed at sections fgw may not write.
 *
 * Deterministic (seeded PRNG; LANTU_FUZZ_SEED overrides the seed to replay a failure), loopback only,
 * bounded in count. Afterwards the server must still serve pages and sync documents, and every section
 * fgw may not write must be byte-for-byte what it was before.
 */
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../src/lib/editor/fragments.ts';
import { collabUrl, connect, eventually } from '../helpers/collab.ts';
import { login } from '../helpers/http.ts';
import { rawRequest, upgradeRequest } from '../helpers/raw-http.ts';
import { prng } from '../helpers/prng.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const SEED = Number(process.env.LANTU_FUZZ_SEED ?? 0x1a2b3c4d);
const UPGRADES = 2000;
const FRAMES = 3000;

let server: TestServer;
let fgw: string;
let admin: string;
/** Sections fgw may not write (8.1 it may read): they must come out of the fuzzing unchanged. */
const PROTECTED = ['plan/1/section/8.1', 'plan/1/section/8.3', 'plan/1/section/8.6'];
const WRITABLE = 'plan/1/section/9.1';

async function readState(name: string): Promise<Uint8Array> {
	const reader = connect(server.url, admin, name);
	try {
		await eventually(() => expect(reader.provider.isSynced).toBe(true), 10_000);
		return Y.encodeStateAsUpdate(reader.doc);
	} finally {
		reader.destroy();
	}
}

async function assertServing() {
	expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	expect((await fetch(`${server.url}/login`)).status).toBe(200);
	const client = connect(server.url, fgw, WRITABLE);
	try {
		await eventually(() => expect(client.provider.isSynced).toBe(true), 10_000);
	} finally {
		client.destroy();
	}
}

const before = new Map<string, Uint8Array>();

beforeAll(async () => {
	server = await startServer();
	fgw = await login(server.url, 'fgw');
	admin = await login(server.url, 'admin');
	// Give the protected sections content (as admin, who may write them) so a change would show.
	for (const name of PROTECTED) {
		const writer = connect(server.url, admin, name);
		try {
			await eventually(() => expect(writer.provider.isSynced).toBe(true), 10_000);
			writer.doc.getText('fuzz-guard').insert(0, `守护 ${name}`);
			await eventually(() => expect(writer.provider.hasUnsyncedChanges).toBe(false));
		} finally {
			writer.destroy();
		}
		before.set(name, await readState(name));
	}
});

afterAll(async () => {
	await server?.stop('SIGKILL');
});

/** Runs `tasks` with at most `width` in flight. */
async function pool(count: number, width: number, task: (i: number) => Promise<void>) {
	let next = 0;
	await Promise.all(
		Array.from({ length: width }, async () => {
			while (next < count) await task(next++);
		})
	);
}

describe('fuzzing /collab', () => {
	it(`survives ${UPGRADES} random and mutated upgrade requests`, async () => {
		const r = prng(SEED);
		const host = `127.0.0.1:${server.port}`;
		const hostile = () =>
			r.pick([
				'%',
				'%zz',
				'%E0%A4%A',
				'a b',
				'\t',
				'',
				'x'.repeat(1 + r.int(6000)),
				'null',
				'http://evil.example',
				'[::1',
				':99999',
				'ä中文',
				Buffer.from(r.bytes(1 + r.int(40)))
					.toString('latin1')
					.replace(/[\r\n\0]/g, '?'),
				`${fgw.split('=')[1]}%`,
				`lantu-session=${r.pick(['%', '', ';;', '=', '%00'])}`
			]);
		const statuses = new Map<number, number>();

		await pool(UPGRADES, 16, async () => {
			const headers: [string, string][] = [
				['Origin', server.url],
				['Cookie', fgw]
			];
			const set = (name: string, value: string) => {
				const header = headers.find(([n]) => n === name);
				if (header) header[1] = value;
				else headers.push([name, value]);
			};
			let hostValue: string | null = host;
			let key: string | null | undefined;
			let path = '/collab';
			const mutations = 1 + r.int(3);
			for (let m = 0; m < mutations; m++) {
				switch (r.int(9)) {
					case 0:
						set('Origin', hostile());
						break;
					case 1:
						set(
							'Cookie',
							r.pick([hostile(), `lantu-session=${hostile()}`, `a=${hostile()}; ${fgw}`])
						);
						break;
					case 2:
						hostValue = r.pick([hostile(), null, 'lantu.example.gov.cn', `${host}, ${host}`]);
						break;
					case 3:
						key = r.pick([null, '', 'short', 'x'.repeat(200), '!!!!notbase64!!!!==']);
						break;
					case 4:
						headers.push(['Sec-WebSocket-Version', r.pick(['8', 'abc', '', '13, 13'])]);
						break;
					case 5:
						headers.push([r.pick(['Cookie', 'Origin', 'Host', 'Upgrade']), hostile()]);
						break;
					case 6:
						path = r.pick([
							'/collab?x=%',
							'/collab/%zz',
							'/collab/../admin',
							'/collab?' + 'a'.repeat(3000),
							'//collab',
							'/collab#x',
							'*',
							'/coll%61b'
						]);
						break;
					case 7:
						headers.push([`X-${r.int(1000)}`, hostile()]);
						break;
					default:
						headers.splice(r.int(headers.length), 1);
				}
			}
			let request: string | Buffer = upgradeRequest(headers, {
				path,
				host: hostValue,
				key
			});
			const shape = r.int(10);
			if (shape === 0) request = Buffer.from(r.bytes(1 + r.int(400)));
			const truncated = shape === 1 || shape === 2;
			if (truncated) request = request.slice(0, r.int(request.length));
			const response = await rawRequest(server.port, request, {
				timeoutMs: truncated ? 300 : 3000,
				endAfterWrite: shape === 1
			});
			statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
		});

		// Real refusals were given (not only resets), and some handshakes went through.
		expect(statuses.get(101) ?? 0).toBeGreaterThan(0);
		expect(
			(statuses.get(400) ?? 0) + (statuses.get(401) ?? 0) + (statuses.get(403) ?? 0)
		).toBeGreaterThan(UPGRADES / 10);
		expect(statuses.get(500) ?? 0).toBe(0); // nothing hit the last-resort branch of the upgrade
		expect(server.output()).not.toMatch(/upgrade failed|request failed|exiting/);
		await assertServing();
	});

	it(`survives ${FRAMES} random and mutated WebSocket frames and changes no section fgw may not write`, async () => {
		const r = prng(SEED ^ 0x5f5f5f5f);
		const names = [
			...PROTECTED,
			WRITABLE,
			'',
			'plan/1/section/',
			'plan/999/section/1.1',
			'\0',
			'x'.repeat(5000)
		];
		/** A well-formed update adding text, aimed at any document (refused where fgw may not write). */
		function realUpdate(): Uint8Array {
			const doc = new Y.Doc();
			if (r.int(2)) doc.getText('fuzz-guard').insert(0, '篡改');
			else {
				const paragraph = new Y.XmlElement('paragraph');
				paragraph.insert(0, [new Y.XmlText('篡改')]);
				doc.getXmlFragment(BODY_FRAGMENT).insert(0, [paragraph]);
			}
			return Y.encodeStateAsUpdate(doc);
		}
		function frame(): Uint8Array {
			const kind = r.int(10);
			if (kind === 0) return r.bytes(r.int(300));
			const e = encoding.createEncoder();
			encoding.writeVarString(e, r.pick(names));
			if (kind === 1) {
				// huge varints where lengths and types are expected
				for (let i = 0; i < 1 + r.int(3); i++)
					encoding.writeUint8Array(
						e,
						new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f])
					);
				return encoding.toUint8Array(e);
			}
			if (kind === 2) {
				// authenticate, so later frames for that document reach it
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint(e, 0);
				encoding.writeVarString(e, r.pick(['session', '', 'x'.repeat(500)]));
				return encoding.toUint8Array(e);
			}
			const type = r.pick([0, 0, 0, 1, 3, 4, 5, 6, 7, 8, 9, r.int(1 << 20)]);
			encoding.writeVarUint(e, type);
			if (type === 0) {
				const step = r.pick([0, 1, 2, 2, r.int(100)]);
				encoding.writeVarUint(e, step);
				const payload = r.int(3) === 0 ? r.bytes(r.int(200)) : realUpdate();
				encoding.writeVarUint8Array(e, payload);
			} else if (type === 1) {
				encoding.writeVarUint8Array(e, r.bytes(r.int(120)));
			} else {
				encoding.writeUint8Array(e, r.bytes(r.int(60)));
			}
			const bytes = encoding.toUint8Array(e);
			// truncated messages now and then
			return r.int(4) === 0 ? bytes.slice(0, r.int(bytes.length)) : bytes;
		}

		let sent = 0;
		let sockets = 0;
		while (sent < FRAMES) {
			const ws = new WebSocket(collabUrl(server.url), {
				headers: { cookie: fgw, origin: server.url }
			});
			sockets++;
			const opened = await new Promise<boolean>((resolve) => {
				ws.once('open', () => resolve(true));
				ws.once('error', () => resolve(false));
				ws.once('unexpected-response', () => resolve(false));
			});
			expect(opened).toBe(true);
			ws.on('error', () => {}); // the server may close us for what we send: that is fine
			// Authenticate to every document first, so later frames reach the documents themselves.
			for (const name of [...PROTECTED, WRITABLE]) {
				const e = encoding.createEncoder();
				encoding.writeVarString(e, name);
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint(e, 0);
				encoding.writeVarString(e, 'session');
				ws.send(encoding.toUint8Array(e));
			}
			await new Promise((resolve) => setTimeout(resolve, 50));
			while (sent < FRAMES && ws.readyState === WebSocket.OPEN) {
				ws.send(frame());
				sent++;
				if (sent % 25 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
			}
			ws.terminate();
		}
		expect(sockets).toBeLessThan(FRAMES); // not every frame ended its socket at once

		await assertServing();
		// Every frame was refused or handled inside its socket's boundary; nothing reached the last resort.
		expect(server.output()).not.toMatch(/upgrade failed|request failed|message failed|exiting/);
		for (const name of PROTECTED) {
			const after = await readState(name);
			expect(Buffer.from(after).equals(Buffer.from(before.get(name)!)), name).toBe(true);
		}
	});
});
