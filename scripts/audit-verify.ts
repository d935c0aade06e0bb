/**
 * `npm run audit:verify`: walks the audit log's hash chain in the database — PostgreSQL when
 * DATABASE_URL is set, else the SQLite file (DATABASE_PATH, else $DATA_DIR/lantu.db, else
 * ./data/lantu.db) and checks every anchor — the checkpoint file
 * ($DATA_DIR/audit-checkpoint.json; DATA_DIR defaults to the database's directory) and the chain
 * head frozen into each signed version's payload. Exits 1 naming the first missing or altered
 * entry when an entry was altered, inserted or removed, including the newest ones. Opens SQLite
 * read-only (PostgreSQL: reads only); the same check as the admin page's 校验.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { openPgSync } from '../src/lib/server/db/pg/bridge.ts';
import { payloadAnchors, verifyChain, type AuditAnchor } from '../src/lib/server/audit/chain.ts';
import { checkpointPath, readCheckpoint } from '../src/lib/server/audit/checkpoint-file.ts';

interface Row {
	id: number;
	at: number;
	actor_id: number | null;
	action: string;
	plan_id: number | null;
	target: string | null;
	details: string;
	ip: string | null;
	prev_hash: string;
	hash: string;
}

const url = process.env.DATABASE_URL || undefined;
const file = process.env.DATABASE_PATH ?? path.join(process.env.DATA_DIR ?? './data', 'lantu.db');
const dataDir = process.env.DATA_DIR ?? path.dirname(file);
/** What the report names: the file, or the database URL without its password. */
let source = file;

/** The part of better-sqlite3 this script reads through (the PostgreSQL client has the same face). */
type Reader = Pick<Database.Database, 'prepare' | 'close'>;

function* entries(db: Reader) {
	for (const row of db
		.prepare('SELECT * FROM audit_log ORDER BY id')
		.iterate() as IterableIterator<Row>) {
		yield {
			id: row.id,
			at: new Date(row.at),
			actorId: row.actor_id,
			action: row.action,
			planId: row.plan_id,
			target: row.target,
			details: row.details,
			ip: row.ip,
			prevHash: row.prev_hash,
			hash: row.hash
		};
	}
}

function anchorsOf(db: Reader): AuditAnchor[] {
	const versionIds = new Map<string, number>();
	for (const v of db.prepare('SELECT id, hash FROM activity_versions ORDER BY id DESC').all() as {
		id: number;
		hash: string;
	}[])
		versionIds.set(v.hash, v.id);
	const anchors = payloadAnchors(
		db.prepare('SELECT hash, payload FROM version_contents').iterate() as IterableIterator<{
			hash: string;
			payload: string;
		}>,
		versionIds
	);
	const checkpointFile = checkpointPath(dataDir);
	try {
		const checkpoint = readCheckpoint(checkpointFile);
		if (checkpoint) anchors.push({ ...checkpoint, source: 'checkpoint' });
		else
			console.warn(
				`audit:verify: no checkpoint file at ${checkpointFile}: the tail after the last signed version is not checked (set DATA_DIR)`
			);
	} catch (error) {
		console.error(
			`audit:verify: checkpoint file ${checkpointFile} unreadable: ${(error as Error).message}`
		);
		process.exit(1);
	}
	return anchors;
}

let db: Reader;
try {
	if (url) {
		const pg = openPgSync(url, { applicationName: 'lantu-audit-verify' });
		pg.prepare('SELECT 1').get();
		source = pg.name;
		db = pg as unknown as Reader;
	} else db = new Database(file, { readonly: true, fileMustExist: true });
} catch (error) {
	console.error(
		`audit:verify: cannot open ${url ? 'the database' : file}: ${(error as Error).message}`
	);
	process.exit(2);
}
const result = verifyChain(entries(db), anchorsOf(db));
db.close();
if (result.ok) {
	console.log(
		`audit log OK: ${result.entries} entries, head ${result.head}, ${result.anchors} anchors checked (${source})`
	);
} else if (result.reason === 'missing') {
	console.error(
		`audit log BROKEN: entry ${result.brokenAt} and later are missing — ${result.anchor} records entry ${result.anchorId}; ${result.entries} entries read (${source})`
	);
	process.exit(1);
} else if (result.reason === 'anchor') {
	console.error(
		`audit log BROKEN at entry ${result.brokenAt}: it does not match the hash ${result.anchor} records (this or an earlier entry was altered); ${result.entries} entries read (${source})`
	);
	process.exit(1);
} else {
	console.error(
		`audit log BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries read (${source})`
	);
	process.exit(1);
}
