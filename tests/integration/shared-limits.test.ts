/**
 * Rate limits hold across instances (issue 20: nothing another instance needs lives only in one
 * process's memory): two instances on one data directory, a client spreading its requests over
 * both gets one allowance, not two. Redis plays no part here — the counters are in the database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENT_LIMITS } from '../../src/lib/comments/limits.ts';
import { upgradeStatus } from '../helpers/collab.ts';
import { SAMPLE_TEXT_ANCHOR } from '../helpers/comments.ts';
import { callApi, login } from '../helpers/http.ts';
import { startServer, type TestServer } from '../helpers/server.ts';

const REFUSED_PER_MINUTE = 4;
let instances: TestServer[] = [];

beforeAll(async () => {
	const env = { TRUST_PROXY: '1', COLLAB_REFUSED_UPGRADES_PER_MINUTE: String(REFUSED_PER_MINUTE) };
	// One after the other: the first migrates and seeds, the second opens the same database.
	const first = await startServer({ env });
	instances = [first, await startServer({ env, dataDir: first.dataDir })];
}, 120_000);
afterAll(async () => {
	await Promise.all(instances.map((s) => s.stop()));
});

const at = (k: number) => instances[k % 2];

describe('limits shared by instances', () => {
	it('counts refused /collab upgrades from one address on every instance together', async () => {
		const from = (k: number) =>
			upgradeStatus(at(k).url, {
				cookie: 'lantu-session=nonsense',
				origin: at(k).url,
				'x-forwarded-for': '192.0.2.77'
			});
		for (let k = 0; k < REFUSED_PER_MINUTE; k++) expect(await from(k)).toBe(401);
		// Over the allowance, on both instances: each had seen only half of the refusals itself.
		expect(await from(0)).toBe(429);
		expect(await from(1)).toBe(429);
	});

	it('counts one user’s comments on every instance together', async () => {
		const cookies = [await login(at(0).url, 'dsj'), await login(at(1).url, 'dsj')];
		const comment = (k: number) =>
			callApi(at(k).url, '/api/plans/1/sections/8.4/comments', cookies[k % 2], {
				anchor: SAMPLE_TEXT_ANCHOR,
				body: `第${k + 1}条意见`
			});
		for (let k = 0; k < COMMENT_LIMITS.perMinute; k++) expect((await comment(k)).status).toBe(201);
		for (const k of [0, 1]) {
			const refused = await comment(k);
			expect(refused.status).toBe(429);
			expect(refused.json.code).toBe('comment-rate-limited');
		}
	});
});
