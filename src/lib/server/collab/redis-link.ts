/**
 * Whether this instance reaches Redis, as one fact over all its Redis connections (the extension's
 * two, the instance channel's two). ioredis reconnects each by itself; this turns their events into
 * the two transitions the rest of the cluster code acts on — lost (log one clear line, stop waiting
 * on Redis) and back (log, resynchronise) — instead of a warning per retry.
 */
import type IORedis from 'ioredis';
import type { Logger } from '../log.ts';

export interface LinkEvents {
	/** Every transition to reachable: `first` for the very first one. */
	up(first: boolean): void;
	/** Every loss (after the line in the log). */
	down(): void;
}

export class RedisLink {
	#clients: IORedis[] = [];
	#up = false;
	#everUp = false;
	#log: Logger;
	#on: LinkEvents;
	#downWaiters = new Set<() => void>();
	#quietUntilUp = false;

	constructor(log: Logger, on: LinkEvents) {
		this.#log = log;
		this.#on = on;
	}

	watch(client: IORedis): void {
		this.#clients.push(client);
		client.on('ready', () => this.#update());
		client.on('close', () => this.#update());
		client.on('end', () => this.#update());
		client.on('error', (error: Error) => {
			// One line per outage (below), not one per reconnect attempt of each connection.
			if (this.#up) return;
			if (this.#quietUntilUp) return;
			this.#quietUntilUp = true;
			if (!this.#everUp) {
				this.#log.warn({ err: error.message }, 'redis not reachable yet: retrying');
			}
		});
	}

	/** Every connection is ready. */
	up(): boolean {
		return this.#up;
	}

	/**
	 * Waits for `work` unless Redis is lost first (or is down now): then stops waiting, leaving
	 * `work` to finish in the background. The waiter is dropped either way (no closure kept per call).
	 */
	async unlessLost(work: Promise<unknown>): Promise<void> {
		if (!this.#up) return;
		let waiter: (() => void) | undefined;
		const lost = new Promise<void>((resolve) => {
			waiter = resolve;
			this.#downWaiters.add(resolve);
		});
		try {
			await Promise.race([work, lost]);
		} finally {
			if (waiter) this.#downWaiters.delete(waiter);
		}
	}

	#update(): void {
		const up = this.#clients.length > 0 && this.#clients.every((c) => c.status === 'ready');
		if (up === this.#up) return;
		this.#up = up;
		if (!up) {
			this.#quietUntilUp = true;
			this.#log.error(
				'redis unreachable: this instance goes on serving its own clients and storing their ' +
					"edits; other instances' edits come from the database every few seconds instead of " +
					'live, and readiness reports redis: fail until it is back'
			);
			for (const resolve of this.#downWaiters) resolve();
			this.#downWaiters.clear();
			this.#on.down();
			return;
		}
		this.#quietUntilUp = false;
		const first = !this.#everUp;
		this.#everUp = true;
		if (first) this.#log.info('redis connected');
		this.#on.up(first);
	}
}
