/**
 * The 意见采纳情况说明 of a consultation round, from its answered comments (issue 5): a table per
 * section and counts per participant type and disposition. Pure: the server loads the rows, pages,
 * CSV and DOCX render the same aggregate.
 */
import type { ParticipantType } from './period.ts';
import { PARTICIPANT_TYPES } from './period.ts';

export type Stance = 'support' | 'oppose' | 'suggest';
export type Disposition = 'adopted' | 'partial' | 'rejected';
export const DISPOSITION_KEYS: readonly Disposition[] = ['adopted', 'partial', 'rejected'];
/** Disposition columns of the counts, with comments not yet answered. */
export type DispositionColumn = Disposition | 'pending';
export const DISPOSITION_COLUMNS: readonly DispositionColumn[] = [...DISPOSITION_KEYS, 'pending'];

export interface ReportRow {
	/** `t<threadId>` or `p<publicCommentId>`. */
	key: string;
	clause: string;
	quote: string;
	body: string;
	/** The organization (members) or the name given (public link). */
	who: string;
	participantType: ParticipantType;
	stance: Stance;
	disposition: Disposition | null;
	reason: string | null;
	createdAt: number;
}

export interface ReportSection {
	clause: string;
	title: string;
	rows: ReportRow[];
}

export type Counts = Record<ParticipantType, Record<DispositionColumn, number>>;

export interface ReportAggregate {
	sections: ReportSection[];
	counts: Counts;
	/** Per disposition column over all types. */
	totals: Record<DispositionColumn, number>;
	total: number;
}

function emptyColumns(): Record<DispositionColumn, number> {
	return { adopted: 0, partial: 0, rejected: 0, pending: 0 };
}

/** Groups rows by section (in the given order) and counts them per type and disposition. */
export function aggregateReport(
	rows: readonly ReportRow[],
	sections: readonly { clause: string; title: string }[]
): ReportAggregate {
	const counts = Object.fromEntries(PARTICIPANT_TYPES.map((t) => [t, emptyColumns()])) as Counts;
	const totals = emptyColumns();
	const bySection = new Map<string, ReportRow[]>();
	for (const row of [...rows].sort((a, b) => a.createdAt - b.createdAt)) {
		const column: DispositionColumn = row.disposition ?? 'pending';
		counts[row.participantType][column] += 1;
		totals[column] += 1;
		const list = bySection.get(row.clause) ?? [];
		list.push(row);
		bySection.set(row.clause, list);
	}
	return {
		sections: sections
			.filter((s) => bySection.has(s.clause))
			.map((s) => ({ clause: s.clause, title: s.title, rows: bySection.get(s.clause) ?? [] })),
		counts,
		totals,
		total: rows.length
	};
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
	let text = String(value);
	// A leading =, +, - or @ would be a formula in Excel: prefix an apostrophe (OWASP CSV injection).
	if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text with a UTF-8 byte-order mark (so Excel reads Chinese) and CRLF line ends. */
export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]) {
	return `\uFEFF${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}
