/**
 * The process's one collaboration server, created with the app and shared with the HTTP entry
 * (server/index.ts in production, server/dev-plugin.ts in development) through `globalThis`, since
 * those load this module graph from outside Vite's bundle.
 */
import { createCollabServer, type CollabServer } from '../../../server/collab/index.ts';
import { getDb } from './db/index.ts';

export const COLLAB_KEY = Symbol.for('lantu.collab');
type Holder = { [COLLAB_KEY]?: CollabServer };

export function getCollab(): CollabServer {
	const holder = globalThis as Holder;
	return (holder[COLLAB_KEY] ??= createCollabServer(getDb()));
}
