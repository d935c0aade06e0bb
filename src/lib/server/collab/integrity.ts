/**
 * Checksums of stored document state (issue 11, item 8). Every snapshot and every update-log row
 * carries the SHA-256 of its bytes, written with them; every reader checks it. A flipped byte that
 * still decodes as Yjs would otherwise be served, merged into the next snapshot and become the
 * truth. What a mismatch means:
 * - a snapshot: it is derived data. The log is complete (compaction never deletes a row, the seed
 *   writes log rows too), so the state is rebuilt by replaying the whole log from its first row,
 *   and the compactor writes a fresh snapshot from that same replay — never from the bad one.
 * - a log row: it is the only copy of that change. Past a good snapshot that already folds it in,
 *   it does not matter for the current state (history still refuses it); otherwise the document is
 *   refused (`document-load-failed`), never served without it.
 * A row written before the column existed has no hash: it is accepted and its hash written then
 * (lazy backfill; migration 0008 only adds the columns, SQL has no SHA-256).
 */
import { createHash } from 'node:crypto';

export function sha256Hex(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** True when `hash` is the stored bytes' SHA-256, or absent (a row from before the checksums). */
export function intact(bytes: Uint8Array, hash: string | null): boolean {
	return hash === null || sha256Hex(bytes) === hash;
}

/** A stored row whose bytes do not match their checksum, and nothing to rebuild it from. */
export class IntegrityError extends Error {
	// Plain fields, not parameter properties: Node runs this file with type stripping only (bench/).
	readonly documentName: string;
	readonly detail: { table: 'document_snapshots' | 'document_updates'; id?: number };
	constructor(
		documentName: string,
		detail: { table: 'document_snapshots' | 'document_updates'; id?: number }
	) {
		super(
			`${detail.table}${detail.id === undefined ? '' : ` #${detail.id}`} of ${documentName} fails its checksum`
		);
		this.name = 'IntegrityError';
		this.documentName = documentName;
		this.detail = detail;
	}
}
