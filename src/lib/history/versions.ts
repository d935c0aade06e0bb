/**
 * A section's version list from its update log (pure; the server reads the rows).
 *
 * Automatic versions are editing sessions: consecutive updates belong to one version until the
 * document rests for `AUTO_VERSION_GAP_MS`, so a morning's typing is one entry with everyone who
 * typed in it, however they interleaved. Named versions (保存版本) and restores are marks in the
 * log: a session is cut at each mark so the state a mark points at is always a version's end, and
 * the state just before a restore can be restored in turn (undoing the restore).
 */
export const AUTO_VERSION_GAP_MS = 5 * 60 * 1000;

export interface LogEntry {
	id: number;
	userId: number | null;
	/** Epoch milliseconds. */
	at: number;
}

export interface VersionMark {
	id: number;
	kind: 'named' | 'restore';
	/** The version's name (named) — empty for restores. */
	label: string;
	/** The last update the mark's state includes. */
	updateId: number;
	/** Restores: the version restored (its last update id) and the state just before restoring. */
	restoredUpTo: number | null;
	beforeUpdateId: number | null;
	userId: number | null;
	at: number;
}

export interface VersionAuthor {
	userId: number | null;
	updates: number;
	first: number;
	last: number;
}

export type Version =
	| {
			kind: 'auto';
			/** The state after this update is the version. */
			upTo: number;
			from: number;
			start: number;
			end: number;
			authors: VersionAuthor[];
	  }
	| {
			kind: 'named' | 'restore';
			markId: number;
			upTo: number;
			label: string;
			restoredUpTo: number | null;
			userId: number | null;
			at: number;
	  };

/** Newest first. `log` must be in id order. */
export function buildVersions(
	log: readonly LogEntry[],
	marks: readonly VersionMark[],
	gapMs = AUTO_VERSION_GAP_MS
): Version[] {
	const cuts = new Set<number>();
	for (const mark of marks) {
		cuts.add(mark.updateId);
		if (mark.beforeUpdateId !== null) cuts.add(mark.beforeUpdateId);
	}
	const versions: Version[] = [];
	let current: Extract<Version, { kind: 'auto' }> | null = null;
	let authors = new Map<number | null, VersionAuthor>();
	let previous: LogEntry | null = null;
	const close = () => {
		if (!current) return;
		current.authors = [...authors.values()].sort((a, b) => a.first - b.first);
		versions.push(current);
		current = null;
		authors = new Map();
	};
	for (const entry of log) {
		if (previous && (entry.at - previous.at >= gapMs || cuts.has(previous.id))) close();
		if (!current) {
			current = {
				kind: 'auto',
				upTo: entry.id,
				from: entry.id,
				start: entry.at,
				end: entry.at,
				authors: []
			};
		}
		current.upTo = entry.id;
		current.end = entry.at;
		const author = authors.get(entry.userId);
		if (author) {
			author.updates += 1;
			author.last = entry.at;
		} else {
			authors.set(entry.userId, {
				userId: entry.userId,
				updates: 1,
				first: entry.at,
				last: entry.at
			});
		}
		previous = entry;
	}
	close();
	for (const mark of marks) {
		versions.push({
			kind: mark.kind,
			markId: mark.id,
			upTo: mark.updateId,
			label: mark.label,
			restoredUpTo: mark.restoredUpTo,
			userId: mark.userId,
			at: mark.at
		});
	}
	// Newest state first; at one state, marks (named, restore) above the session that made it.
	const rank = (v: Version) => (v.kind === 'auto' ? 0 : 1);
	return versions.sort((a, b) => b.upTo - a.upTo || rank(b) - rank(a) || order(b) - order(a));
}

function order(v: Version): number {
	return v.kind === 'auto' ? v.end : v.at;
}
