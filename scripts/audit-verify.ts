/**
 * `npm run audit:verify`: walks the audit log's hash chain in the SQLite database (DATABASE_PATH,
 * else $DATA_DIR/lantu.db, else ./data/lantu.db) and checks every anchor — the checkpoint file
 * ($DATA_DIR/audit-checkpoint.json; DATA_DIR defaults to the database's directory) and the chain
 * head frozen into each signed version's payload. Exits 1 naming the first missing or altered
 * entry when an entry was altered, inserted or removed, including the newest ones. Opens the file
 * read-only; the same check as the admin page's 校验.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
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

const file = process.env.DATABASE_PATH ?? path.join(process.env.DATA_DIR ?? './data', 'lantu.db');
const dataDir = process.env.DATA_DIR ?? path.dirname(file);

function* entries(db: Database.Database) {
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

function anchorsOf(db: Database.Database): AuditAnchor[] {
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

let db: Database.Database;
try {
	db = new Database(file, { readonly: true, fileMustExist: true });
} catch (error) {
	console.error(`audit:verify: cannot open ${file}: ${(error as Error).message}`);
	process.exit(2);
}
const result = verifyChain(entries(db), anchorsOf(db));
db.close();
if (result.ok) {
	console.log(
		`audit log OK: ${result.entries} entries, head ${result.head}, ${result.anchors} anchors checked (${file})`
	);
} else if (result.reason === 'missing') {
	console.error(
		`audit log BROKEN: entry ${result.brokenAt} and later are missing — ${result.anchor} records entry ${result.anchorId}; ${result.entries} entries read (${file})`
	);
	process.exit(1);
} else if (result.reason === 'anchor') {
	console.error(
		`audit log BROKEN at entry ${result.brokenAt}: it does not match the hash ${result.anchor} records (this or an earlier entry was altered); ${result.entries} entries read (${file})`
	);
	process.exit(1);
} else {
	console.error(
		`audit log BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries read (${file})`
	);
	process.exit(1);
}
