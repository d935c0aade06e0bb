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
		expect(verifyChain(chain)).toEqual({ ok: true, entries: 5, head: chain[4].hash });
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

	it('detects a deleted entry', () => {
		const chain = buildChain(5);
		chain.splice(2, 1);
		expect(verifyChain(chain)).toMatchObject({ ok: false, brokenAt: 4, reason: 'gap' });
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
