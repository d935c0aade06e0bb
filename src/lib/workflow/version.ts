/**
 * The frozen content of a version, as stored and hashed. The hash is the SHA-256 (hex) of the
 * payload's UTF-8 bytes; the payload is canonical JSON (keys sorted, no whitespace) of this shape,
 * so anyone holding it can recompute the hash and read every section.
 */
import type { ConsultationRecord } from '../consultation/record.ts';
import type { SectionData } from '../conformance/types.ts';
import type { Activity } from '../standard/sections.ts';

/**
 * Format 2 adds the activity's consultation record and the audit chain's head at freezing time.
 * Format 1 payloads (frozen before) still verify and render; they carry neither.
 */
export const VERSION_FORMAT = 'lantu-version/2';
export const VERSION_FORMATS = ['lantu-version/1', VERSION_FORMAT] as const;
export type VersionFormat = (typeof VERSION_FORMATS)[number];

/** The audit log's newest entry when the version was frozen: a deleted tail shows against it. */
export interface AuditAnchor {
	id: number;
	hash: string;
}

export interface FrozenSection {
	clause: string;
	title: string;
	/** Canonical rendering: body and items as plain text, structured blocks as rows. */
	rendering: SectionData;
	/** The section's Yjs state (`Y.encodeStateAsUpdate`), base64. */
	yjs: string;
}

export interface VersionPayload {
	format: VersionFormat;
	planId: number;
	activity: Activity;
	sections: FrozenSection[];
	/** Format 2: the consultation record as it stood when frozen (rounds, comments, answers). */
	consultation?: ConsultationRecord;
	/** Format 2: the audit chain's head when frozen (null when the log was empty). */
	auditHead?: AuditAnchor | null;
}

export type SectionChange = 'same' | 'changed' | 'added' | 'removed';

export interface PartDiff {
	/** `body`, `item:<id>` or `block:<key>`. */
	part: string;
	before: string;
	after: string;
}

export interface SectionComparison {
	clause: string;
	title: string;
	change: SectionChange;
	parts: PartDiff[];
}

function blockText(rows: readonly unknown[] | undefined): string {
	return (rows ?? [])
		.map((row) =>
			row && typeof row === 'object'
				? Object.entries(row as Record<string, unknown>)
						.filter(([k]) => k !== 'id')
						.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
						.join('；')
				: String(row)
		)
		.join('\n');
}

function parts(section: FrozenSection | undefined): Map<string, string> {
	const out = new Map<string, string>();
	if (!section) return out;
	const { body, items, data } = section.rendering;
	out.set('body', body);
	for (const [id, text] of Object.entries(items)) out.set(`item:${id}`, text);
	for (const [key, rows] of Object.entries(data)) out.set(`block:${key}`, blockText(rows));
	return out;
}

/** Section-by-section comparison of two versions' renderings. */
export function compareVersions(a: VersionPayload, b: VersionPayload): SectionComparison[] {
	const clauses = [...new Set([...a.sections, ...b.sections].map((s) => s.clause))];
	return clauses.map((clause) => {
		const before = a.sections.find((s) => s.clause === clause);
		const after = b.sections.find((s) => s.clause === clause);
		const pa = parts(before);
		const pb = parts(after);
		const diffs: PartDiff[] = [];
		for (const part of new Set([...pa.keys(), ...pb.keys()])) {
			const x = pa.get(part) ?? '';
			const y = pb.get(part) ?? '';
			if (x !== y) diffs.push({ part, before: x, after: y });
		}
		const change: SectionChange = !before
			? 'added'
			: !after
				? 'removed'
				: diffs.length > 0
					? 'changed'
					: 'same';
		return { clause, title: (after ?? before)?.title ?? clause, change, parts: diffs };
	});
}
