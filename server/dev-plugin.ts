/**
 * `npm run dev` serves /collab on Vite's own HTTP server, so development has one port like
 * production. The collab server is created inside SvelteKit's module graph (src/lib/server/collab.ts);
 * loading that module through Vite gives the same instance the app uses.
 */
import type { Plugin } from 'vite';

const COLLAB_KEY = Symbol.for('lantu.collab');
const COLLAB_PATH = '/collab';

interface UpgradeTarget {
	handleUpgrade(request: unknown, socket: unknown, head: unknown): boolean;
}

export function collabDevServer(): Plugin {
	return {
		name: 'lantu-collab-dev',
		apply: 'serve',
		configureServer(server) {
			server.httpServer?.on('upgrade', (request, socket, head) => {
				const path = (request.url ?? '').split('?')[0];
				if (path !== COLLAB_PATH) return; // Vite's HMR socket and others
				void (async () => {
					const holder = globalThis as { [COLLAB_KEY]?: UpgradeTarget };
					if (!holder[COLLAB_KEY]) {
						// The app's face (getCollab) creates the one server and publishes it on globalThis.
						const mod = await server.ssrLoadModule('/src/lib/server/collab.ts');
						(mod as { getCollab(): unknown }).getCollab();
					}
					const collab = holder[COLLAB_KEY];
					if (!collab) throw new Error('collab server not created');
					collab.handleUpgrade(request, socket, head);
				})().catch((error: unknown) => {
					server.config.logger.error(`[collab] upgrade failed: ${String(error)}`);
					socket.destroy();
				});
			});
		}
	};
}
