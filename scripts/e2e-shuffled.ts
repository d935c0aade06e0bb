/**
 * Runs the e2e spec files one by one, in a random order, against one server (the state each spec
 * leaves is what the next one meets): proof that every spec prepares its own state. Prints the
 * order and its seed; LANTU_E2E_SEED=<n> replays an order. Exit code 1 at the first failing file.
 *
 *   ./node_modules/.bin/node scripts/e2e-shuffled.ts [spec files…]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { NODE, ROOT } from '../tests/helpers/server.ts';
import { startE2eStack } from '../tests/e2e/stack.ts';

const given = process.argv.slice(2);
const files =
	given.length > 0
		? given
		: fs
				.readdirSync(path.join(ROOT, 'tests/e2e'))
				.filter((f) => f.endsWith('.spec.ts'))
				.map((f) => `tests/e2e/${f}`);
const seed = Number(process.env.LANTU_E2E_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** mulberry32: a small seeded generator, so an order can be replayed. */
function random(state: number) {
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
const next = random(seed);
for (let i = files.length - 1; i > 0; i--) {
	const j = Math.floor(next() * (i + 1));
	[files[i], files[j]] = [files[j], files[i]];
}
console.log(`LANTU_E2E_SEED=${seed}\n${files.join('\n')}`);

const stack = await startE2eStack();
const server = stack.server;
let failed: string | undefined;
try {
	for (const file of files) {
		console.log(`\n▶ ${file}`);
		const run = spawnSync(NODE, ['node_modules/@playwright/test/cli.js', 'test', file], {
			cwd: ROOT,
			stdio: 'inherit',
			env: { ...process.env, LANTU_E2E_REUSE_URL: server.url }
		});
		if (run.status !== 0) {
			failed = file;
			break;
		}
	}
} finally {
	await stack.stop();
}
if (failed) {
	console.log(`\n✗ ${failed} failed in the order above (LANTU_E2E_SEED=${seed})`);
	process.exitCode = 1;
} else console.log(`\n✓ ${files.length} spec files passed in this order`);
