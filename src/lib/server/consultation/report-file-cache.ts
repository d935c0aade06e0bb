/**
 * The whole 意见采纳情况说明 DOCX of a round, built once per change (issue 15: ≤ 3 s at 10,000
 * opinions). Everyone who sees every opinion gets the same file, so it is kept per round under the
 * round's revision (round-revision.ts, raised by triggers on every write that changes the report)
 * and the day it is dated; both are recomputed and compared on every request, and the stored bytes
 * must still hash to what was stored (verify on read) or the file is built again. A participant's
 * own view is built per request, never cached.
 */
import { createHash } from 'node:crypto';
import { chinaDay } from '../../consultation/period.ts';
import { logger } from '../log.ts';
import { roundRevision } from './round-revision.ts';

const log = logger('report-file-cache');
/** Rounds whose file is kept (about 1 MB each at 10,000 opinions). */
const MAX_ROUNDS = 16;

interface StoredFile {
	key: string;
	bytes: Uint8Array;
	digest: string;
	fileName: string;
}

const digestOf = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const files = new Map<number, StoredFile>();

/** What a file of the round built now is keyed by; read before the rows so it is never newer. */
export function reportFileKey(roundId: number, now = Date.now()): string {
	return `${roundRevision(roundId)}|${chinaDay(now)}`;
}

/** The stored file under `key`, verified; undefined when none or when its bytes were altered. */
export function storedReportFile(roundId: number, key: string): StoredFile | undefined {
	const file = files.get(roundId);
	if (!file || file.key !== key) return undefined;
	if (digestOf(file.bytes) !== file.digest) {
		log.error({ roundId }, 'stored report file altered; built again');
		files.delete(roundId);
		return undefined;
	}
	return file;
}

export function storeReportFile(
	roundId: number,
	key: string,
	bytes: Uint8Array,
	fileName: string
): void {
	files.delete(roundId);
	if (files.size >= MAX_ROUNDS) {
		const oldest = files.keys().next().value;
		if (oldest !== undefined) files.delete(oldest);
	}
	files.set(roundId, { key, bytes, digest: digestOf(bytes), fileName });
}

/** For tests: the stored file as is. */
export function peekReportFile(roundId: number): StoredFile | undefined {
	return files.get(roundId);
}
