import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, verifyChain, type AuditContent } from './chain.ts';

function buildChain(n: number) {
	const entries: (AuditContent & { prevHash: string; hash: string })[] = [];
	let prev = GENESIS_HASH;
	for (let id = 1; id <= n; id++) {
		const content: AuditContent = {
			id,
			at: new Date(Date.UTC(2026, 10, 24, 8, id)),
			actorId: id % 3,
			action: 'member.added',
			planId: 1,
			target: `user:${id}`,
			details: JSON.stringify({ role: 'editor' }),
			ip: '127.0.0.1'
		};
		const hash = entryHash(prev, content);
		entries.push({ ...content, prevHash: prev, hash });
		prev = hash;
	}
	return entries;
}

describe('audit hash chain', () => {
	it('verifies an untouched chain and reports its head', () => {
		const chain = buildChain(5);
		expect(verifyChain(chain)).toEqual({ ok: true, entries: 5, head: chain[4].hash, anchors: 0 });
	});

	it('detects altered details', () => {
		const chain = buildChain(5);
		chain[2] = { ...chain[2], details: JSON.stringify({ role: 'admin' }) };
		expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, reason: 'hash' });
	});

	it('detects a recomputed hash that breaks the next link', () => {
		const chain = buildChain(5);
		const forged = { ...chain[1], actorId: 99 };
		forged.hash = entryHash(forged.prevHash, forged);
		chain[1] = forged;
		expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, reason: 'link' });
	});

	it('detects a deleted entry and names the first missing one', () => {
		const chain = buildChain(5);
		chain.splice(2, 1);
		expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 3, reason: 'gap' });
	});

	it('detects a deleted tail against an anchor, naming the first missing entry', () => {
		const chain = buildChain(6);
		const anchor = { id: 6, hash: chain[5].hash, source: 'checkpoint' };
		expect(verifyChain(chain, [anchor])).toMatchObject({ ok: true, anchors: 1 });
		expect(verifyChain(chain.slice(0, 4), [anchor])).toEqual({
			ok: false,
			entries: 4,
			brokenAt: 5,
			reason: 'missing',
			anchor: 'checkpoint',
			anchorId: 6
		});
	});

	it('detects a rewritten chain whose entry no longer matches its anchor', () => {
		const chain = buildChain(4);
		const anchor = { id: 3, hash: chain[2].hash, source: 'version:7' };
		const forged = buildChain(4).map((e) => ({ ...e }));
		// Rewrite entry 2 and every later link consistently: the chain alone verifies.
		forged[1].target = 'user:99';
		for (let i = 1; i < forged.length; i++) {
			forged[i].prevHash = forged[i - 1].hash;
			forged[i].hash = entryHash(forged[i].prevHash, forged[i]);
		}
		expect(verifyChain(forged).ok).toBe(true);
		expect(verifyChain(forged, [anchor])).toMatchObject({
			ok: false,
			brokenAt: 3,
			reason: 'anchor',
			anchor: 'version:7'
		});
	});

	it('detects reordered entries', () => {
		const chain = buildChain(4);
		[chain[1], chain[2]] = [chain[2], chain[1]];
		expect(verifyChain(chain).ok).toBe(false);
	});

	it('changes the hash when any field changes', () => {
		const [entry] = buildChain(1);
		for (const change of [
			{ ip: '10.0.0.1' },
			{ target: 'user:2' },
			{ at: new Date(0) },
			{ planId: 2 }
		]) {
			expect(entryHash(GENESIS_HASH, { ...entry, ...change })).not.toBe(entry.hash);
		}
	});
});
