/**
 * "Who wrote this": which user's update introduced each Yjs item. Every update in the log carries
 * the user whose connection sent it; decoding it (Y.decodeUpdate, V1 only — the server never feeds
 * client bytes to the V2 decoder) lists the structs it created as (client, clock, length) ranges.
 * An item under a selection is attributed to the update whose ranges contain its id, so a client
 * that reuses someone else's clientID still only gets credit for what it sent itself.
 */
import * as Y from 'yjs';

export interface ItemRange {
	client: number;
	clock: number;
	length: number;
}

interface Written {
	clock: number;
	end: number;
	userId: number | null;
	at: number;
}

export interface AuthorHit {
	userId: number | null;
	/** How many characters (or other items) of the selection this author wrote. */
	length: number;
	first: number;
	last: number;
}

export class AttributionIndex {
	#byClient = new Map<number, Written[]>();

	/** Adds one stored update (in log order). */
	add(update: Uint8Array, userId: number | null, at: number): void {
		const { structs } = Y.decodeUpdate(update);
		for (const struct of structs) {
			if (struct instanceof Y.Skip) continue;
			const { client, clock } = struct.id;
			let list = this.#byClient.get(client);
			if (!list) this.#byClient.set(client, (list = []));
			list.push({ clock, end: clock + struct.length, userId, at });
		}
	}

	/** Authors of the given item ranges, most characters first. */
	authorsOf(ranges: readonly ItemRange[]): AuthorHit[] {
		const hits = new Map<number | null, AuthorHit>();
		for (const range of ranges) {
			const end = range.clock + range.length;
			for (const written of this.#byClient.get(range.client) ?? []) {
				const overlap = Math.min(end, written.end) - Math.max(range.clock, written.clock);
				if (overlap <= 0) continue;
				const hit = hits.get(written.userId);
				if (hit) {
					hit.length += overlap;
					hit.first = Math.min(hit.first, written.at);
					hit.last = Math.max(hit.last, written.at);
				} else {
					hits.set(written.userId, {
						userId: written.userId,
						length: overlap,
						first: written.at,
						last: written.at
					});
				}
			}
		}
		return [...hits.values()].sort((a, b) => b.length - a.length || a.first - b.first);
	}
}
