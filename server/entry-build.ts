/**
 * `vite build` also compiles the production entry (server/index.ts and the few modules it imports)
 * to plain JavaScript, build/server.js, which `npm start`, `npm run serve`, the cluster and the tests
 * run. Node 24 could run the TypeScript directly, but the first .ts file it loads brings in its
 * type stripper (amaro, SWC as WebAssembly), which then stays in the process: ~17 MB of RSS for an
 * instance that otherwise idles at ~130 MiB (bench/idle-rss.ts; issue 20's target is 150 MB).
 *
 * Runs after the adapter has written build/ (SvelteKit adapts in a `buildApp` hook of order 'post';
 * this plugin comes after it). Packages stay imports of node_modules, as in the source.
 */
import path from 'node:path';
import { build, type Plugin } from 'vite';
import { SERVER_ENTRY } from './node-flags.ts';

export function serverEntryBuild(): Plugin {
	return {
		name: 'lantu-server-entry',
		apply: 'build',
		buildApp: {
			order: 'post',
			async handler() {
				const root = path.resolve(import.meta.dirname, '..');
				await build({
					configFile: false,
					root,
					logLevel: 'warn',
					build: {
						ssr: path.join(root, 'server/index.ts'),
						outDir: path.join(root, path.dirname(SERVER_ENTRY)),
						emptyOutDir: false,
						minify: false,
						sourcemap: true,
						target: 'node24',
						rolldownOptions: {
							output: { entryFileNames: path.basename(SERVER_ENTRY), format: 'es' }
						}
					}
				});
			}
		}
	};
}
