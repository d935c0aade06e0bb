/**
 * One section's live Y.Doc in the browser: the Hocuspocus provider over /collab (the session cookie
 * authenticates it), an IndexedDB copy so edits made offline survive a reload and merge on
 * reconnect, and honest reactive state for the UI: status, read-only scope, who is here.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { CLOSE_CODES, closeCodeOf, type CloseCodeName } from './close-codes.ts';
import { deriveStatus, type ConnectionStatus } from './status.ts';

export interface Peer {
	clientId: number;
	name: string;
	color: string;
	organization?: string;
}

export interface LocalUser {
	name: string;
	color: string;
}

export class SectionConnection {
	readonly doc = new Y.Doc();
	readonly provider: HocuspocusProvider;
	status = $state<ConnectionStatus>('connecting');
	readOnly = $state(true);
	/** Why the server refused or closed, as a close-code name or Hocuspocus reason. */
	problem = $state<CloseCodeName | 'forbidden' | null>(null);
	peers = $state<Peer[]>([]);

	#socket: HocuspocusProviderWebsocket;
	#local: IndexeddbPersistence | null = null;
	#connected = false;
	#everConnected = false;
	#failed = false;

	constructor(documentName: string, user: LocalUser, url = defaultUrl()) {
		this.#socket = new HocuspocusProviderWebsocket({ url });
		this.provider = new HocuspocusProvider({
			websocketProvider: this.#socket,
			name: documentName,
			document: this.doc,
			// The server authenticates from the session cookie; the provider insists on a token.
			token: 'session',
			onStatus: ({ status }) => {
				this.#connected = status === 'connected';
				if (this.#connected) this.#everConnected = true;
				this.#update();
			},
			onSynced: () => this.#update(),
			onUnsyncedChanges: () => this.#update(),
			onAuthenticated: ({ scope }) => {
				this.readOnly = scope !== 'read-write';
				this.#failed = false;
				this.problem = null;
				this.#update();
			},
			onAuthenticationFailed: ({ reason }) => {
				this.#failed = true;
				this.problem = reason === CLOSE_CODES.forbidden.reason ? 'forbidden' : 'loadFailed';
				this.#update();
			},
			onClose: ({ event }) => {
				const name = closeCodeOf(event);
				if (name && CLOSE_CODES[name].fatal) this.#fail(name);
				else if (name === 'tooManyConnections')
					this.problem = name; // retried; said meanwhile
				else if (event.code === 1000 && event.reason !== 'provider_initiated') {
					// Hocuspocus closed this document but left the socket open, and the provider would
					// wait forever: drop the socket so it reconnects and syncs again.
					this.#socket.webSocket?.close();
				} else if (!name) void this.#checkSession();
				this.#update();
			},
			onAwarenessChange: ({ states }) => {
				const me = this.doc.clientID;
				this.peers = states
					.filter((s) => s.clientId !== me && s.user)
					.map((s) => ({
						clientId: s.clientId,
						name: String(s.user.name ?? ''),
						color: String(s.user.color ?? '#64748b'),
						organization: s.user.organization ? String(s.user.organization) : undefined
					}));
			}
		});
		this.provider.setAwarenessField('user', user);
		if (typeof indexedDB !== 'undefined') {
			this.#local = new IndexeddbPersistence(`lantu:${documentName}`, this.doc);
		}
		this.provider.attach();
		// The browser knows first when the network is gone; a half-open socket can take a long time
		// to notice. Drop it at once (edits stay in the doc and IndexedDB) and reconnect when back.
		window.addEventListener('offline', this.#goOffline);
		window.addEventListener('online', this.#goOnline);
	}

	#fail(problem: CloseCodeName) {
		this.#failed = true;
		this.problem = problem;
		this.provider.configuration.websocketProvider.disconnect();
	}

	#lastSessionCheck = 0;
	/**
	 * A socket that closed without one of our codes may have been refused at the upgrade, where the
	 * browser sees no status: ask whether the session still holds (at most every 10 s), so an ended
	 * session shows "请重新登录" instead of reconnecting forever.
	 */
	async #checkSession() {
		const now = Date.now();
		if (now - this.#lastSessionCheck < 10_000 || this.#failed) return;
		this.#lastSessionCheck = now;
		try {
			const response = await fetch('/api/session', { cache: 'no-store' });
			if (response.status === 401) {
				this.#fail('sessionEnded');
				this.#update();
			}
		} catch {
			// offline: the provider keeps trying, and so will the next check
		}
	}

	#goOffline = () => {
		this.#socket.disconnect();
		this.#connected = false;
		this.#update();
	};

	#goOnline = () => {
		void this.#socket.connect();
	};

	#update() {
		this.status = deriveStatus({
			connected: this.#connected,
			synced: this.provider.isSynced,
			unsyncedChanges: this.provider.unsyncedChanges,
			failed: this.#failed,
			everConnected: this.#everConnected
		});
	}

	destroy() {
		window.removeEventListener('offline', this.#goOffline);
		window.removeEventListener('online', this.#goOnline);
		this.provider.destroy();
		this.#socket.destroy();
		void this.#local?.destroy();
		this.doc.destroy();
	}
}

function defaultUrl(): string {
	const { protocol, host } = window.location;
	return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/collab`;
}
