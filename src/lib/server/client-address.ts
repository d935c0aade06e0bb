/**
 * The client's address, as every limit counts it. Behind a reverse proxy the socket's peer is the
 * proxy, so the real client is in X-Forwarded-For — but that header is whatever the client wrote
 * unless a proxy we trust overwrote or appended to it. `TRUST_PROXY` (config.ts) says which hops to
 * believe; the same answer is used by the HTTP side (server/index.ts hands it to adapter-node) and
 * the /collab upgrade, so a user is one address everywhere. Pure: no config import, no I/O.
 */
import { BlockList, isIP } from 'node:net';
import type { TrustProxy } from './config.ts';

/** The header server/index.ts overwrites on every request with `clientAddress`, for adapter-node. */
export const CLIENT_ADDRESS_HEADER = 'x-lantu-client-address';

/** `::ffff:10.0.0.1` (IPv4 on a dual-stack socket) is `10.0.0.1`. */
export function normalizeAddress(address: string): string {
	const trimmed = address.trim();
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
	return mapped ? mapped[1] : trimmed;
}

/** `10.0.0.0/8`, `::1`, `192.168.1.10` → family, address and prefix; undefined when malformed. */
export function parseCidr(
	entry: string
): { address: string; prefix: number; family: 'ipv4' | 'ipv6' } | undefined {
	const [raw, prefixText, extra] = entry.trim().split('/');
	if (extra !== undefined) return undefined;
	const address = normalizeAddress(raw);
	const version = isIP(address);
	if (version === 0) return undefined;
	const max = version === 4 ? 32 : 128;
	const prefix = prefixText === undefined ? max : Number(prefixText);
	if (!/^\d+$/.test(prefixText ?? String(max)) || prefix > max) return undefined;
	return { address, prefix, family: version === 4 ? 'ipv4' : 'ipv6' };
}

const blockLists = new WeakMap<string[], BlockList>();
function trusted(entries: string[]): BlockList {
	let list = blockLists.get(entries);
	if (!list) {
		list = new BlockList();
		for (const entry of entries) {
			const cidr = parseCidr(entry);
			if (cidr) list.addSubnet(cidr.address, cidr.prefix, cidr.family);
		}
		blockLists.set(entries, list);
	}
	return list;
}

function isTrusted(list: BlockList, address: string): boolean {
	const version = isIP(address);
	return version !== 0 && list.check(address, version === 4 ? 'ipv4' : 'ipv6');
}

/**
 * The client address for a request whose socket peer is `remote` and whose X-Forwarded-For header
 * is `forwarded`. With `hops: n` the n-th entry from the right is the client (each trusted proxy
 * appends the address it saw); with a list, entries are walked from the right past trusted proxies,
 * and the first untrusted one is the client — a peer that is not itself trusted is never believed.
 */
export function clientAddress(
	remote: string | undefined,
	forwarded: string | string[] | undefined,
	trust: TrustProxy
): string {
	const peer = normalizeAddress(remote ?? '') || 'unknown';
	if (trust.mode === 'off' || forwarded === undefined) return peer;
	const chain = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded)
		.split(',')
		.map(normalizeAddress)
		.filter((a) => a !== '');
	if (trust.mode === 'hops') {
		// Fewer entries than proxies: someone skipped a proxy; the left-most is the best we know.
		const candidate = chain[Math.max(0, chain.length - trust.hops)];
		return candidate && isIP(candidate) ? candidate : peer;
	}
	const list = trusted(trust.entries);
	let client = peer;
	for (let i = chain.length; isTrusted(list, client) && i > 0; i--) {
		const next = chain[i - 1];
		if (!isIP(next)) break; // garbage in the header: stop at the last address we could trust
		client = next;
	}
	return client;
}
