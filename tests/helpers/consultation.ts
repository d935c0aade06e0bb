/** Commenting on a consultation round as its participants do, from the round's frozen version. */
import { frozenParts } from '../../src/lib/consultation/passages.ts';
import type { VersionPayload } from '../../src/lib/workflow/version.ts';
import type { TestDatabase } from './db.ts';

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
