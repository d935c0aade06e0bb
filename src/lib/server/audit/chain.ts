/**
 * The audit log's hash chain. Each entry's hash is SHA-256 over the previous hash and the canonical
 * JSON of the entry's content, so altering, inserting or removing any row breaks every later link.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../canonical-json.ts';

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
	id: number;
	at: Date;
	actorId: number | null;
	action: string;
	planId: number | null;
	target: string | null;
	details: string;
	ip: string | null;
}

export function entryHash(prevHash: string, entry: AuditContent): string {
	const content = canonicalJson({
		id: entry.id,
		at: entry.at.getTime(),
		actorId: entry.actorId,
		action: entry.action,
		planId: entry.planId,
		target: entry.target,
		details: entry.details,
		ip: entry.ip
	});
	return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

export type ChainResult =
	| { ok: true; entries: number; head: string }
	| { ok: false; entries: number; brokenAt: number; reason: 'hash' | 'link' | 'gap' };

/** Walks entries in id order and reports the first one whose link or hash does not hold. */
export function verifyChain(
	entries: Iterable<AuditContent & { prevHash: string; hash: string }>
): ChainResult {
	let prev = GENESIS_HASH;
	let expectedId: number | undefined;
	let count = 0;
	for (const entry of entries) {
		count++;
		if (expectedId !== undefined && entry.id !== expectedId) {
			return { ok: false, entries: count, brokenAt: entry.id, reason: 'gap' };
		}
		if (entry.prevHash !== prev)
			return { ok: false, entries: count, brokenAt: entry.id, reason: 'link' };
		if (entryHash(prev, entry) !== entry.hash) {
			return { ok: false, entries: count, brokenAt: entry.id, reason: 'hash' };
		}
		prev = entry.hash;
		expectedId = entry.id + 1;
	}
	return { ok: true, entries: count, head: prev };
}
