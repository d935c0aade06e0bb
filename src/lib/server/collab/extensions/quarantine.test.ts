import { Hocuspocus } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { Quarantine } from './quarantine.ts';

async function setup() {
	const quarantine = new Quarantine();
	const hocuspocus = new Hocuspocus({ quiet: true, extensions: [quarantine] });
	// The constructor's configure() runs the onConfigure hooks asynchronously.
	await new Promise((r) => setImmediate(r));
	return { quarantine, hocuspocus };
}

const settled = (promise: Promise<unknown>) => {
	let done = false;
	void promise.then(
		() => (done = true),
		() => (done = true)
	);
	return () => done;
};

describe('quarantine', () => {
	it('holds new connections to an isolated document until its stale copy is unloaded', async () => {
		const { quarantine, hocuspocus } = await setup();
		const direct = await hocuspocus.openDirectConnection('doc/a');
		await direct.transact((doc) => doc.getText('t').insert(0, 'unstored'));
		quarantine.isolate(['doc/a']);
		// Still loaded (the direct connection keeps it): a new connection must wait.
		const connecting = quarantine.onConnect({ documentName: 'doc/a' } as never);
		const done = settled(connecting);
		await new Promise((r) => setTimeout(r, 50));
		expect(done()).toBe(false);
		await direct.disconnect();
		await connecting;
		expect(hocuspocus.documents.has('doc/a')).toBe(false);
	});

	it('lets other documents connect at once', async () => {
		const { quarantine } = await setup();
		quarantine.isolate(['doc/a']);
		await expect(quarantine.onConnect({ documentName: 'doc/b' } as never)).resolves.toBeUndefined();
	});
});
