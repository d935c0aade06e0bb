/**
 * Idle memory of one instance as `npm start` leaves it (issue 20: ≤ 150 MB): the built server is
 * started on a seeded database (a second start, so the demo seed is not counted), left alone, and
 * its RSS read from /proc — next to a bare Hocuspocus 4 started and read the same way in the same
 * run. Heavy parts (export worker pool, PDF fonts, resvg, docx, the compactor's worker) start on
 * first use; server/node-flags.ts caps V8's young generation, which on a large machine would
 * otherwise hold ~100 MB more; and the server runs as JavaScript (build/server.js), so Node's
 * TypeScript stripper (~17 MB) is not loaded. The bare Hocuspocus is plain JavaScript too.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { freePort, ROOT, startServer } from '../tests/helpers/server.ts';
import { rssOf } from './targets.ts';

export interface IdleRssResult {
	lantuMiB: number;
	bareMiB: number;
	ratio: number;
}

const SETTLE_MS = 10_000;
const mib = (bytes: number) => bytes / 1024 / 1024;

export async function measureIdleRss(): Promise<IdleRssResult> {
	const lantu = await startServer();
	let lantuBytes: number;
	try {
		await lantu.stop('SIGTERM');
		await lantu.restart();
		await new Promise((r) => setTimeout(r, SETTLE_MS));
		lantuBytes = rssOf(lantu.pid());
	} finally {
		await lantu.stop('SIGTERM');
	}
	const port = await freePort();
	const bare = fork(path.join(ROOT, 'bench/servers/bare-hocuspocus.js'), [], {
		env: { ...process.env, PORT: String(port) },
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	try {
		await new Promise<void>((resolve, reject) => {
			bare.once('message', () => resolve());
			bare.once('exit', (code) => reject(new Error(`bare Hocuspocus exited with ${code}`)));
		});
		await new Promise((r) => setTimeout(r, SETTLE_MS));
		const bareBytes = rssOf(bare.pid);
		return { lantuMiB: mib(lantuBytes), bareMiB: mib(bareBytes), ratio: lantuBytes / bareBytes };
	} finally {
		bare.kill('SIGTERM');
	}
}

export function idleRssLine(r: IdleRssResult): string {
	return `Idle RSS of one instance: Lantu ${r.lantuMiB.toFixed(0)} MiB, bare Hocuspocus ${r.bareMiB.toFixed(0)} MiB (×${r.ratio.toFixed(2)}; target ≤ 150 MB)`;
}

if (import.meta.main) console.log(idleRssLine(await measureIdleRss()));
