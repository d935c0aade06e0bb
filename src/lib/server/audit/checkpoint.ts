/**
 * Keeps the audit checkpoint file at the chain head. Appends schedule one write per event-loop
 * turn (after the append's transaction has committed, so a rolled-back entry is never anchored).
 * The file only moves forward along the same chain: if the entry it names is gone or changed, it
 * is left as it is (and an error logged), so a deleted tail stays detectable even after new
 * appends reuse the deleted numbers.
 */
import { desc, eq } from 'drizzle-orm';
import { config } from '../config.ts';
import { getDb, schema } from '../db/index.ts';
import { logger } from '../log.ts';
import {
	checkpointPath,
	readCheckpoint,
	writeCheckpoint,
	type Checkpoint
} from './checkpoint-file.ts';

const log = logger('audit');
let scheduled = false;
let frozen = false;

export function auditCheckpointPath(): string {
	return checkpointPath(config.DATA_DIR);
}

export function currentCheckpoint(): Checkpoint | null {
	try {
		return readCheckpoint(auditCheckpointPath());
	} catch (error) {
		log.error({ err: error }, 'audit checkpoint file unreadable');
		return null;
	}
}

/** Writes the checkpoint at the chain head now, if the head still extends the checkpoint. */
export function writeAuditCheckpoint(): void {
	const a = schema.auditLog;
	const db = getDb();
	const head = db.select({ id: a.id, hash: a.hash }).from(a).orderBy(desc(a.id)).limit(1).get();
	if (!head) return;
	const previous = currentCheckpoint();
	if (previous) {
		if (previous.id === head.id && previous.hash === head.hash) return;
		const anchored = db.select({ hash: a.hash }).from(a).where(eq(a.id, previous.id)).get();
		if (head.id < previous.id || anchored?.hash !== previous.hash) {
			if (!frozen)
				log.error(
					{ checkpoint: previous, head },
					'audit log no longer contains the checkpoint entry: checkpoint kept (run npm run audit:verify)'
				);
			frozen = true;
			return;
		}
	}
	try {
		writeCheckpoint(auditCheckpointPath(), head);
		frozen = false;
	} catch (error) {
		log.error({ err: error }, 'writing the audit checkpoint failed');
	}
}

export function scheduleAuditCheckpoint(): void {
	if (scheduled) return;
	scheduled = true;
	setImmediate(() => {
		scheduled = false;
		writeAuditCheckpoint();
	});
}
