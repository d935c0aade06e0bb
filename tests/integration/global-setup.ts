/**
 * Builds the app once before the integration tests, unless the caller already did
 * (scripts/test.ts builds once for every suite and sets LANTU_SKIP_BUILD).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { NODE, ROOT } from '../helpers/server.ts';

export default function setup() {
	if (process.env.LANTU_SKIP_BUILD === '1') return;
	execFileSync(
		NODE,
		[path.join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{
			cwd: ROOT,
			stdio: 'inherit'
		}
	);
}
