/**
 * `npm run audit:verify`: walks the audit log's hash chain in the SQLite database (DATABASE_PATH,
 * else $DATA_DIR/lantu.db, else ./data/lantu.db) and exits non-zero when an entry was altered,
 * inserted or removed. Opens the file read-only; the same check as the admin page's 校验.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from '../src/lib/server/audit/chain.ts';

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

let db: Database.Database;
try {
	db = new Database(file, { readonly: true, fileMustExist: true });
} catch (error) {
	console.error(`audit:verify: cannot open ${file}: ${(error as Error).message}`);
	process.exit(2);
}
const result = verifyChain(entries(db));
db.close();
if (result.ok) {
	console.log(`audit log OK: ${result.entries} entries, head ${result.head} (${file})`);
} else {
	console.error(
		`audit log BROKEN at entry ${result.brokenAt} (${result.reason}); ${result.entries} entries read (${file})`
	);
	process.exit(1);
}
