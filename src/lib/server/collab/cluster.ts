/**
 * Several instances on one store (docs/DEPLOY.md). With REDIS_URL:
 * - Hocuspocus's own Redis extension fans every document's updates and awareness out to the other
 *   instances holding it, and makes a load on a second instance wait for the state the first holds
 *   (awaitInitialSyncTimeout). Its publishes wait for our group commit (group-commit.ts): another
 *   instance never shows, nor lets its clients take as synced, an update not yet stored — the
 *   instance that received it from its author is the one that stores it (persistence.ts skips
 *   updates whose origin is Redis).
 * - One channel of Lantu's own carries what every instance must apply to its own sockets: access
 *   changed (access-events.ts) and sessions ended (auth/session-events.ts). Each instance publishes
 *   what its services announce and applies what the others publish; messages are checked on
 *   arrival (zod), a malformed one is logged and dropped.
 * - Redis may go away (docs/DEPLOY.md, "When Redis is away"). Nothing that makes an edit stored or
 *   acknowledged waits on it: while it is down this instance publishes nothing (the reconnect's
 *   sync step 1 covers every change meanwhile, so nothing piles up in memory), loads sections
 *   without subscribing, and stores without the extension's Redlock (never used: the compaction
 *   lease is our one lock); every 2 s it takes in from the database what the other instances
 *   stored and re-decides access. When it is back, every open section is caught up from the store,
 *   resubscribed and synced with the other instances, and access and sessions are re-decided
 *   (instance messages sent meanwhile were lost).
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import type { afterLoadDocumentPayload } from '@hocuspocus/server';
import IORedis, { type RedisOptions } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log.ts';
import { RedisLink } from './redis-link.ts';

const CHANNEL = 'lantu:events';

const eventSchema = z.discriminatedUnion('kind', [
	z.object({
		kind: z.literal('access'),
		from: z.string(),
		planId: z.number().int(),
		clause: z.string().max(32).optional()
	}),
	z.object({
		kind: z.literal('sessions'),
		from: z.string(),
		sessionIds: z.array(z.string().max(200)).max(10_000),
		user: z
			.object({ id: z.number().int(), exceptSessionId: z.string().max(200).optional() })
			.optional()
	})
]);

export type ClusterEvent = z.infer<typeof eventSchema>;
type Outgoing = ClusterEvent extends infer E
	? E extends unknown
		? Omit<E, 'from'>
		: never
	: never;

export interface Cluster {
	/** This instance's name on the channel (its own messages come back and are ignored). */
	identifier: string;
	/** Hocuspocus's Redis extension, configured; goes into the extensions list. */
	extension: RedisExtension;
	/** Tells the other instances; fire and forget (a failure is logged). */
	publish(event: Outgoing): void;
	/** Both our connections to Redis are up. */
	connected(): boolean;
	close(): Promise<void>;
}

export interface ClusterOptions {
	url: string;
	identifier: string;
	log: Logger;
	/** What another instance published. */
	onEvent(event: ClusterEvent): void;
	/** Resolves once every update queued so far is stored (GroupCommit.whenCommitted). */
	whenCommitted(): Promise<boolean>;
	/**
	 * While Redis is away, every few seconds: bring what this instance holds up to date from the
	 * database (catch up the open sections, re-decide access), since no message arrives.
	 */
	whileApart(): void;
	/**
	 * Redis is back after an outage: the same, and re-check sessions, before the open sections are
	 * synced with the other instances (the messages of meanwhile were lost).
	 */
	onReconnect(): void;
}

/** How often an instance cut off from Redis takes in what the others stored. */
const APART_POLL_MS = 2000;

const redisOptions: RedisOptions = {
	// Commands wait while Redis reconnects (ioredis's offline queue) instead of failing after 20
	// retries; readiness says "redis: fail" meanwhile.
	maxRetriesPerRequest: null,
	retryStrategy: (attempt) => Math.min(attempt * 200, 2000)
};

export function createCluster({
	url,
	identifier,
	log,
	onEvent,
	whenCommitted,
	whileApart,
	onReconnect
}: ClusterOptions): Cluster {
	const clients: IORedis[] = [];
	const apart = repeatWhileApart(whileApart, log);
	const link = new RedisLink(log, {
		// Sections loaded before Redis first answered were not subscribed either: resync them too.
		up(first) {
			apart.stop();
			void resync(first);
		},
		down: () => apart.start()
	});
	const client = () => {
		const redis = new IORedis(url, redisOptions);
		link.watch(redis);
		clients.push(redis);
		return redis;
	};
	const extension = new RedisExtension({
		createClient: client,
		identifier,
		prefix: 'lantu',
		lockTimeout: 1000,
		disconnectDelay: 1000,
		awaitInitialSyncTimeout: 2000
	});
	holdPublishesForCommit(extension, whenCommitted, link, log);
	const load = degradeWhileDown(extension, link);

	/** After an outage: every open section resubscribed and synced (its sync step 1 both ways). */
	async function resync(first: boolean) {
		const documents = [...(extension.instance?.documents ?? new Map()).entries()];
		if (first && documents.length === 0) return;
		// A warning, like the loss: operators look for the pair at the level they keep.
		log.warn(
			{ documents: documents.length },
			first
				? 'redis connected: resynchronising the sections opened before'
				: 'redis reachable again: catching up and resynchronising the open sections'
		);
		try {
			onReconnect();
		} catch (error) {
			log.error({ err: error }, 'catching up after redis returned failed');
		}
		const results = await Promise.allSettled(
			documents.map(([documentName, document]) =>
				load({ documentName, document } as afterLoadDocumentPayload)
			)
		);
		const failed = results.filter((r) => r.status === 'rejected').length;
		if (failed > 0) log.error({ failed }, 'resynchronising sections after redis returned failed');
	}

	const publish = instanceChannel(client(), client(), { identifier, log, onEvent, link });
	return {
		identifier,
		extension,
		publish,
		connected: () => link.up(),
		async close() {
			apart.stop();
			// The extension's goodbye (QUIT) waits on Redis; a drain while it is down must not.
			if (link.up()) await Promise.race([extension.onDestroy(), delay(2000)]);
			for (const c of clients) c.disconnect(false);
		}
	};
}

/**
 * Lantu's own channel: what this instance publishes, and what the others publish handed to
 * `onEvent` (checked, our own echo ignored). Returns the publish function.
 */
function instanceChannel(
	pub: IORedis,
	sub: IORedis,
	{
		identifier,
		log,
		onEvent,
		link
	}: Pick<ClusterOptions, 'identifier' | 'log' | 'onEvent'> & { link: RedisLink }
): Cluster['publish'] {
	sub
		.subscribe(CHANNEL)
		.catch((error: unknown) =>
			log.error({ err: error }, 'subscribing to the instance channel failed')
		);
	sub.on('message', (channel: string, message: string) => {
		if (channel !== CHANNEL) return;
		const parsed = parseEvent(message);
		if (!parsed) {
			log.warn({ bytes: message.length }, 'malformed instance message dropped');
			return;
		}
		if (parsed.from === identifier) return;
		try {
			onEvent(parsed);
		} catch (error) {
			log.error({ err: error, kind: parsed.kind }, 'applying an instance message failed');
		}
	});
	return (event) => {
		if (!link.up()) {
			// Re-decided everywhere when Redis is back (onReconnect); sessions meanwhile by the sweep.
			log.warn({ kind: event.kind }, 'instance message not sent: redis unreachable');
			return;
		}
		pub
			.publish(CHANNEL, JSON.stringify({ ...event, from: identifier }))
			.catch((error: unknown) => log.error({ err: error }, 'publishing to instances failed'));
	};
}

/** `work` every APART_POLL_MS between `start` and `stop`; a failure is logged, the next try runs. */
function repeatWhileApart(work: () => void, log: Logger) {
	let timer: NodeJS.Timeout | undefined;
	return {
		start() {
			clearInterval(timer);
			timer = setInterval(() => {
				try {
					work();
				} catch (error) {
					log.error({ err: error }, 'catching up from the database failed');
				}
			}, APART_POLL_MS);
			timer.unref();
		},
		stop: () => clearInterval(timer)
	};
}

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * The extension's own hooks that would wait on Redis, made not to: a section loaded while Redis
 * is down is not subscribed (resync does it), one whose load meets the outage stops waiting for
 * it, and stores take no Redlock. Returns the original load, which resync reuses: subscribe, send
 * our sync step 1, wait briefly for the peers' state.
 */
function degradeWhileDown(extension: RedisExtension, link: RedisLink) {
	const load = extension.afterLoadDocument.bind(extension);
	extension.afterLoadDocument = async (payload) => {
		if (!link.up()) return;
		await link.unlessLost(load(payload));
	};
	// A store only asks our compactor, which holds a lease of its own (compactor.ts); the Redlock
	// would only make stores — and a server-side edit waiting for its store — wait on Redis.
	extension.onStoreDocument = async () => {};
	return load;
}
function parseEvent(message: string): ClusterEvent | undefined {
	try {
		const result = eventSchema.safeParse(JSON.parse(message));
		return result.success ? result.data : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Every publish of the extension (updates, sync replies, awareness) waits until what this instance
 * has queued for the update log is committed — the rule group-commit.ts keeps for sockets. A
 * failed commit drops them, as it drops the held socket messages. While Redis is down they are
 * dropped too rather than queued in memory: the sync step 1 of the resync covers them.
 */
function holdPublishesForCommit(
	extension: RedisExtension,
	whenCommitted: () => Promise<boolean>,
	link: RedisLink,
	log: Logger
) {
	const pub = extension.pub;
	const publish = pub.publish.bind(pub) as (
		channel: string | Buffer,
		message: string | Buffer
	) => Promise<number>;
	const held = async (channel: string | Buffer, message: string | Buffer): Promise<number> => {
		if (!link.up()) return 0;
		if (!(await whenCommitted())) {
			log.warn('update-log commit failed: its fan-out to other instances dropped');
			return 0;
		}
		if (!link.up()) return 0;
		return publish(channel, message);
	};
	(pub as unknown as { publish: typeof held }).publish = held;
}
