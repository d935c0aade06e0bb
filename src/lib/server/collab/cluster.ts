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
 */
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import IORedis, { type RedisOptions } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../log.ts';

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
}

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
	whenCommitted
}: ClusterOptions): Cluster {
	const clients: IORedis[] = [];
	const client = () => {
		const redis = new IORedis(url, redisOptions);
		// ioredis reports a lost connection as an 'error' event and reconnects by itself.
		redis.on('error', (error: Error) => log.warn({ err: error.message }, 'redis connection error'));
		clients.push(redis);
		return redis;
	};
	const extension = new RedisExtension({
		createClient: client,
		identifier,
		prefix: 'lantu',
		// Our stores only ask the compactor, which has a lease of its own (compactor.ts): the
		// extension's lock around them is kept short.
		lockTimeout: 1000,
		disconnectDelay: 1000,
		awaitInitialSyncTimeout: 2000
	});
	holdPublishesForCommit(extension, whenCommitted, log);

	const pub = client();
	const sub = client();
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

	return {
		identifier,
		extension,
		publish(event) {
			pub
				.publish(CHANNEL, JSON.stringify({ ...event, from: identifier }))
				.catch((error: unknown) => log.error({ err: error }, 'publishing to instances failed'));
		},
		connected: () => clients.every((c) => c.status === 'ready'),
		async close() {
			await extension.onDestroy();
			for (const c of [pub, sub]) c.disconnect(false);
		}
	};
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
 * failed commit drops them, as it drops the held socket messages.
 */
function holdPublishesForCommit(
	extension: RedisExtension,
	whenCommitted: () => Promise<boolean>,
	log: Logger
) {
	const pub = extension.pub;
	const publish = pub.publish.bind(pub) as (
		channel: string | Buffer,
		message: string | Buffer
	) => Promise<number>;
	const held = async (channel: string | Buffer, message: string | Buffer): Promise<number> => {
		if (!(await whenCommitted())) {
			log.warn('update-log commit failed: its fan-out to other instances dropped');
			return 0;
		}
		return publish(channel, message);
	};
	(pub as unknown as { publish: typeof held }).publish = held;
}
