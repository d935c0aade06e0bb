/**
 * Real @hocuspocus/provider clients in Node, connecting like a browser would: with the session
 * cookie and our Origin on the WebSocket handshake.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { closeCodeOf } from '../../src/lib/collab/close-codes.ts';

export function collabUrl(baseUrl: string): string {
	return `${baseUrl.replace(/^http/, 'ws')}/collab`;
}

/** A `ws` WebSocket class that always sends these headers, for the provider's WebSocketPolyfill. */
export function webSocketWithHeaders(headers: Record<string, string>) {
	return class extends WebSocket {
		constructor(address: string | URL, protocols?: string | string[]) {
			super(address, protocols, { headers });
		}
	};
}

export interface TestProvider {
	provider: HocuspocusProvider;
	doc: Y.Doc;
	socket: HocuspocusProviderWebsocket;
	destroy(): void;
}

export function connect(
	baseUrl: string,
	cookie: string,
	documentName: string,
	options: {
		origin?: string;
		onAuthenticationFailed?: (reason: string) => void;
		/** Reconnect after the server closes the socket, as the browser's provider does. */
		reconnect?: boolean;
	} = {}
): TestProvider {
	const doc = new Y.Doc();
	const socket = new HocuspocusProviderWebsocket({
		url: collabUrl(baseUrl),
		WebSocketPolyfill: webSocketWithHeaders({ cookie, origin: options.origin ?? baseUrl }),
		maxAttempts: options.reconnect ? 0 : 1,
		// Quick retries keep the tests short; the browser keeps the provider's backoff.
		...(options.reconnect ? { delay: 100, minDelay: 100, maxDelay: 500 } : {})
	});
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: documentName,
		document: doc,
		token: 'session',
		onAuthenticationFailed: ({ reason }) => options.onAuthenticationFailed?.(reason)
	});
	provider.attach();
	return {
		provider,
		doc,
		socket,
		destroy() {
			provider.destroy();
			socket.destroy();
		}
	};
}

/** Polls until `check` passes (Hocuspocus's own tests use the same convergence helper). */
export async function eventually(
	check: () => void | Promise<void>,
	timeoutMs = 5000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	while (Date.now() < deadline) {
		try {
			await check();
			return;
		} catch (error) {
			lastError = error;
			await new Promise((r) => setTimeout(r, 25));
		}
	}
	throw lastError;
}

/** Opens a raw WebSocket and resolves with the HTTP status when the upgrade is refused, or 101. */
export function upgradeStatus(baseUrl: string, headers: Record<string, string>): Promise<number> {
	return new Promise((resolve, reject) => {
		const ws = new WebSocket(collabUrl(baseUrl), { headers });
		ws.on('open', () => {
			ws.close();
			resolve(101);
		});
		ws.on('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('error', (error) => reject(error));
	});
}

/** The names of the close codes the server sends `client` from now on (`suggestions-only`, …). */
export function closeReasons(client: TestProvider): string[] {
	const reasons: string[] = [];
	client.provider.on('close', ({ event }: { event: { code: number; reason: string } }) => {
		const name = closeCodeOf(event);
		if (name) reasons.push(name);
	});
	return reasons;
}

/** The first paragraph's text of a section's body, as y-prosemirror stores it (XmlElement > XmlText). */
export function firstText(doc: Y.Doc): Y.XmlText {
	const walk = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | undefined => {
		for (const child of node.toArray()) {
			if (child instanceof Y.XmlText && child.length > 2) return child;
			if (child instanceof Y.XmlElement) {
				const found = walk(child);
				if (found) return found;
			}
		}
		return undefined;
	};
	const text = walk(doc.getXmlFragment('body'));
	if (!text) throw new Error('the section body has no paragraph');
	return text;
}
