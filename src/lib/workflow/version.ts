/**
 * The frozen content of a version, as stored and hashed. The hash is the SHA-256 (hex) of the
 * payload's UTF-8 bytes; the payload is canonical JSON (keys sorted, no whitespace) of this shape,
 * so anyone holding it can recompute the hash and read every section.
 */
import type { SectionData } from '../conformance/types.ts';
import type { Activity } from '../standard/sections.ts';

export const VERSION_FORMAT = 'lantu-version/1';

export interface FrozenSection {
	clause: string;
	title: string;
	/** Canonical rendering: body and items as plain text, structured blocks as rows. */
	rendering: SectionData;
	/** The section's Yjs state (`Y.encodeStateAsUpdate`), base64. */
	yjs: string;
}

export interface VersionPayload {
	format: typeof VERSION_FORMAT;
	planId: number;
	activity: Activity;
	sections: FrozenSection[];
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
