/** Simulated editors: the real client libraries in Node, one socket each, as browsers would. */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Target } from './targets.ts';

export interface BenchClient {
	doc: Y.Doc;
	synced: Promise<void>;
	destroy(): void;
}

function withHeaders(headers: Record<string, string>) {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

export function createClient(target: Target, documentName: string): BenchClient {
	const doc = new Y.Doc();
	const Polyfill = withHeaders(target.headers);
	if (target.protocol === 'y-websocket') {
		const provider = new WebsocketProvider(target.wsUrl, documentName, doc, {
			WebSocketPolyfill: Polyfill as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		const synced = new Promise<void>((resolve) => provider.once('sync', () => resolve()));
		return { doc, synced, destroy: () => provider.destroy() };
	}
	const socket = new HocuspocusProviderWebsocket({
		url: target.wsUrl,
		WebSocketPolyfill: Polyfill
	});
	let markSynced: () => void = () => undefined;
	const synced = new Promise<void>((resolve) => (markSynced = resolve));
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: documentName,
		document: doc,
		token: 'session',
		onSynced: () => markSynced()
	});
	provider.attach();
	return {
		doc,
		synced,
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
}
