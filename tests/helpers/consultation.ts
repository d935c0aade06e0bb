/** Commenting on a consultation round as its participants do, from the round's frozen version. */
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/sha';
import { frozenParts } from '../../src/lib/consultation/passages.ts';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import { withTestDb, type DatabaseLocation, type TestDatabase } from './db.ts';

/**
 * The comment form's fields for the first passage of the version's first section (its first ten
 * characters), read from the stored payload as the round page renders it.
 */
export function firstPassageComment(
	db: Pick<TestDatabase, 'query'>,
	versionId: number,
	body: string,
	stance: 'support' | 'oppose' | 'suggest' = 'suggest'
): [string, string][] {
	const { payload } = db.query<{ payload: string }>(
		'SELECT c.payload FROM activity_versions v JOIN version_contents c ON c.hash = v.hash WHERE v.id = ?',
		versionId
	);
	const section = (JSON.parse(payload) as VersionPayload).sections[0];
	const part = frozenParts(section.rendering)[0];
	const passage = part.passages[0];
	return [
		['clause', section.clause],
		['part', part.part],
		['start', String(passage.start)],
		['end', String(Math.min(passage.end, passage.start + 10))],
		['stance', stance],
		['body', body]
	];
}

/** A commentable passage of a frozen version: where it stands and the words a comment quotes. */
export interface Passage {
	clause: string;
	part: string;
	start: number;
	end: number;
	quote: string;
}

/**
 * The passages of a frozen version as the round page offers them (at most `perPart` of each
 * part), each cut to its first `length` characters.
 */
export function frozenPassages(version: VersionPayload, length: number, perPart = Infinity) {
	return version.sections.flatMap((section) =>
		frozenParts(section.rendering).flatMap((part) =>
			part.passages.slice(0, perPart).map((passage): Passage => {
				const end = Math.min(passage.end, passage.start + length);
				return {
					clause: section.clause,
					part: part.part,
					start: passage.start,
					end,
					quote: part.text.slice(passage.start, end)
				};
			})
		)
	);
}

/** One opinion of a round, as the comment form would store it. */
export interface SeedOpinion {
	roundId: number;
	passage: Passage;
	author: { id: number; org: number };
	/** The participant type it counts under (enterprise, residents, …). */
	type: string;
	stance?: string;
	body: string;
	/** Milliseconds; the database's own clock when left out. */
	at?: number;
}

/**
 * Writes opinions straight into the test server's database, for volumes no form would take (the
 * per-user limits are for people): a thread on the passage and its first comment, per call; the
 * thread's id. Statements are prepared once, so thousands can go in one transaction.
 */
export function opinionWriter(db: Preparing): (opinion: SeedOpinion) => number {
	// Valid on SQLite and PostgreSQL alike (tests/helpers/db.ts): RETURNING, the time from here.
	const thread = db.prepare(
		`INSERT INTO comment_threads (plan_id, clause, anchor_kind, fragment, anchor_start, anchor_end,
		 quote, author_id, round_id, stance, organization_id, participant_type, created_at)
		 VALUES (1, ?, 'text', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`
	);
	const comment = db.prepare(
		`INSERT INTO comments (thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?)`
	);
	return ({ roundId, passage: p, author, type, stance = 'suggest', body, at }) => {
		const createdAt = at ?? Date.now();
		const id = Number(
			(
				thread.get(
					p.clause,
					p.part,
					String(p.start),
					String(p.end),
					p.quote,
					author.id,
					roundId,
					stance,
					author.org,
					type,
					createdAt
				) as { id: number | string }
			).id
		);
		comment.run(id, author.id, body, createdAt);
		return id;
	};
}

/** What opinionWriter needs of a connection: better-sqlite3's or a TestDb (tests/helpers/db.ts). */
export interface Preparing {
	prepare(sql: string): {
		get(...params: unknown[]): unknown;
		run(...params: unknown[]): unknown;
	};
}

/** `opinionWriter` on its own connection to the server's database, in one transaction; the thread ids. */
export function seedOpinions(server: DatabaseLocation, opinions: SeedOpinion[]): number[] {
	return withTestDb(server, (db) => {
		const add = opinionWriter(db);
		return db.transaction(() => opinions.map(add))();
	});
}

/**
 * The public form's proof of work, done as a browser does it: fetch a challenge from the round
 * link's `/challenge`, solve it; returns the form's `altcha` field.
 */
export async function solvedChallenge(serverUrl: string, publicPath: string): Promise<string> {
	const challenge = (await (
		await fetch(`${serverUrl}${publicPath}/challenge`)
	).json()) as Challenge;
	const solution = await solveChallenge({ challenge, deriveKey });
	if (!solution) throw new Error('challenge not solved');
	return Buffer.from(
		JSON.stringify({
			challenge: { parameters: challenge.parameters, signature: challenge.signature },
			solution
		})
	).toString('base64');
}
