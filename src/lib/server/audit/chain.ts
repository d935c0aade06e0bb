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

/**
 * A chain head saved outside the log: in the checkpoint file (`checkpoint`) or in a signed
 * version's payload (`version:<id>`). A chain alone cannot show that its newest entries were
 * deleted; an anchor can — the entry it names must still be there with the same hash.
 */
export interface AuditAnchor {
	id: number;
	hash: string;
	source: string;
}

export type BreakReason = 'hash' | 'link' | 'gap' | 'missing' | 'anchor';

export type ChainResult =
	| { ok: true; entries: number; head: string; anchors: number }
	| {
			ok: false;
			entries: number;
			/** The first missing or altered entry. */
			brokenAt: number;
			reason: BreakReason;
			/** For `missing` and `anchor`: which anchor showed it, and the entry it names. */
			anchor?: string;
			anchorId?: number;
	  };

/**
 * Walks entries in id order and reports the first one whose link or hash does not hold, then
 * checks every anchor: its entry must exist (else the tail from the first missing id was deleted)
 * with the anchored hash (else the chain was rewritten up to it).
 */
export function verifyChain(
	entries: Iterable<AuditContent & { prevHash: string; hash: string }>,
	anchors: readonly AuditAnchor[] = []
): ChainResult {
	const byId = new Map<number, AuditAnchor[]>();
	for (const anchor of anchors) byId.set(anchor.id, [...(byId.get(anchor.id) ?? []), anchor]);
	let prev = GENESIS_HASH;
	let expectedId: number | undefined;
	let count = 0;
	let lastId = 0;
	for (const entry of entries) {
		count++;
		if (expectedId !== undefined && entry.id !== expectedId) {
			return { ok: false, entries: count, brokenAt: expectedId, reason: 'gap' };
		}
		if (entry.prevHash !== prev)
			return { ok: false, entries: count, brokenAt: entry.id, reason: 'link' };
		if (entryHash(prev, entry) !== entry.hash) {
			return { ok: false, entries: count, brokenAt: entry.id, reason: 'hash' };
		}
		const differs = byId.get(entry.id)?.find((a) => a.hash !== entry.hash);
		if (differs)
			return {
				ok: false,
				entries: count,
				brokenAt: entry.id,
				reason: 'anchor',
				anchor: differs.source,
				anchorId: differs.id
			};
		prev = entry.hash;
		lastId = entry.id;
		expectedId = entry.id + 1;
	}
	const beyond = anchors
		.filter((a) => a.id > lastId)
		.sort((a, b) => b.id - a.id || (a.source < b.source ? -1 : 1))[0];
	if (beyond)
		return {
			ok: false,
			entries: count,
			brokenAt: lastId + 1,
			reason: 'missing',
			anchor: beyond.source,
			anchorId: beyond.id
		};
	return { ok: true, entries: count, head: prev, anchors: anchors.length };
}

const PAYLOAD_ANCHOR =
	/^\{"activity":"[a-z]+","auditHead":(?:null|\{"hash":"([0-9a-f]{64})","id":(\d+)\})/;

/**
 * The chain head a version payload (format 2, canonical JSON: `activity` then `auditHead` lead)
 * anchors, or undefined — read from the payload's first bytes, and only from payloads that still
 * hash to their key (a tampered payload is the version check's finding, not an audit anchor).
 */
export function payloadAnchors(
	rows: Iterable<{ hash: string; payload: string }>,
	versionIds: ReadonlyMap<string, number>
): AuditAnchor[] {
	const anchors: AuditAnchor[] = [];
	for (const row of rows) {
		const match = PAYLOAD_ANCHOR.exec(row.payload.slice(0, 200));
		if (!match?.[1]) continue;
		if (createHash('sha256').update(row.payload, 'utf8').digest('hex') !== row.hash) continue;
		anchors.push({
			id: Number(match[2]),
			hash: match[1],
			source: `version:${versionIds.get(row.hash) ?? '?'}`
		});
	}
	return anchors;
}
