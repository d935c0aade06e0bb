/**
 * Where documents live: the SQLite store (snapshot + checksummed update log), the group commit
 * that appends each event-loop turn's updates in one transaction, the compactor worker and the
 * quarantine of documents whose commit failed. A checksum mismatch is logged and audited here.
 */
import type { Logger } from '../log.ts';
import { appendAudit } from '../audit/index.ts';
import { config } from '../config.ts';
import type { Db } from '../db/index.ts';
import { settledUpdateId } from '../db/log-order.ts';
import { parseSectionDocumentName } from '../../standard/sections.ts';
import { createCompactor, type Compactor } from './compactor.ts';
import { Quarantine } from './extensions/quarantine.ts';
import { createGroupCommit, type GroupCommit } from './group-commit.ts';
import { createDocumentStore, type DocumentStore, type IntegrityReport } from './store.ts';

export interface Storage {
	store: DocumentStore;
	compactor: Compactor;
	updateLog: GroupCommit;
	quarantine: Quarantine;
	/** The id of a document's newest log row (0 when none): "has the store anything new?" */
	latestUpdateId(name: string): number;
	/** The newest id below which every row is committed (db/log-order.ts: PostgreSQL's order). */
	settledUpdateId(name: string): number;
}

export function createStorage(db: Db, log: Logger): Storage {
	const reportIntegrity = integrityReporter(log);
	const compactor = createCompactor(
		config.DATABASE_URL ? { url: config.DATABASE_URL } : { path: db.$client.name },
		log.child({ part: 'compactor' }),
		reportIntegrity,
		// Checkpoints happen in the compactor's worker thread, not inside a commit on the event loop;
		// until it runs (it starts with the first compaction) SQLite checkpoints as usual.
		// (PostgreSQL checkpoints itself: the pragma means nothing there.)
		() => db.$client.pragma('wal_autocheckpoint = 0')
	);
	const store = createDocumentStore(db, (report) => {
		reportIntegrity(report);
		// The compactor replaces a bad snapshot with one replayed from the log.
		if (report.table === 'document_snapshots') compactor.request(report.documentName, true);
	});
	const quarantine = new Quarantine();
	const updateLog = createGroupCommit(store, (documentNames, error) => {
		// The documents in memory hold updates the log does not: drop those copies so they are
		// reloaded from disk, and the clients send again what the reload lacks.
		log.error({ err: error, documents: [...documentNames] }, 'appending updates failed');
		quarantine.isolate(documentNames);
	});
	const latest = db.$client.prepare<[string], { id: number | null }>(
		'SELECT max(id) AS id FROM document_updates WHERE name = ?'
	);
	const latestUpdateId = (name: string) => latest.get(name)?.id ?? 0;
	const settled = (name: string) => settledUpdateId(db.$client, name);
	return { store, compactor, updateLog, quarantine, latestUpdateId, settledUpdateId: settled };
}

/** A checksum mismatch (integrity.ts): an error line and an audit entry, for the operators. */
function integrityReporter(log: Logger) {
	return (report: IntegrityReport) => {
		log.error(report, 'stored document state fails its checksum');
		try {
			appendAudit({
				action: 'document.integrity_failed',
				planId: parseSectionDocumentName(report.documentName)?.planId ?? null,
				target: report.documentName,
				details: { table: report.table, id: report.id ?? null, outcome: report.outcome }
			});
		} catch (error) {
			log.error({ err: error }, 'audit entry of an integrity failure not written');
		}
	};
}
