import { EventEmitter } from 'node:events';
import type IORedis from 'ioredis';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { RedisLink } from './redis-link.ts';

/** Stands in for an ioredis client: its `status` and the events ioredis emits as it changes. */
class Connection extends EventEmitter {
	status = 'connecting';
	set(status: 'ready' | 'reconnecting') {
		this.status = status;
		if (status === 'ready') this.emit('ready');
		else {
			this.emit('error', new Error('connect ECONNREFUSED'));
			this.emit('close');
		}
	}
}

function setup(count = 2) {
	const lines: { level: number; msg: string }[] = [];
	const log = pino(
		{ level: 'info' },
		{ write: (line: string) => lines.push(JSON.parse(line) as { level: number; msg: string }) }
	);
	const ups: boolean[] = [];
	const link = new RedisLink(log, { up: (first) => ups.push(first), down: () => ups.push(false) });
	const connections = Array.from({ length: count }, () => new Connection());
	for (const c of connections) link.watch(c as unknown as IORedis);
	const all = (status: 'ready' | 'reconnecting') => connections.forEach((c) => c.set(status));
	return { link, connections, all, lines, ups };
}

describe('RedisLink', () => {
	it('is up only when every connection is ready, and says so once per transition', () => {
		const { link, connections, all, lines, ups } = setup();
		connections[0].set('ready');
		expect(link.up()).toBe(false);
		connections[1].set('ready');
		expect(link.up()).toBe(true);
		expect(ups).toEqual([true]);

		all('reconnecting');
		all('reconnecting'); // further retries: no more lines
		expect(link.up()).toBe(false);
		expect(lines.filter((l) => l.msg.startsWith('redis unreachable'))).toHaveLength(1);

		all('ready');
		expect(link.up()).toBe(true);
		// up (first), down, up (a return, not the first connect)
		expect(ups).toEqual([true, false, false]);
	});

	it('stops waiting for work when Redis is lost, and keeps no waiter after the work ends', async () => {
		const { link, all } = setup();
		all('ready');
		await link.unlessLost(Promise.resolve());

		let finish: () => void = () => {};
		const hanging = new Promise<void>((resolve) => (finish = resolve));
		const waiting = link.unlessLost(hanging);
		all('reconnecting');
		await expect(waiting).resolves.toBeUndefined();
		finish();

		// Down now: nothing is awaited at all.
		await expect(link.unlessLost(new Promise(() => {}))).resolves.toBeUndefined();
	});
});
