/**
 * The public 采纳情况 of a closed round (issue 15): the table governments publish after a
 * consultation — 序号 | 反馈人 | 意见内容 | 处理结果 | 理由 | 受理日期 | 答复日期 | 答复部门 — headed by
 * “共征集意见N条，采纳M条，未采纳K条”. People are masked (朱**); enterprises and departments are
 * named, as published tables do. Pure: the server loads the rows; page, CSV and JSON render these.
 * Words here are document content (Chinese whatever the screen's language), like vocabulary.ts.
 */
import type { ParticipantType } from './period.ts';
import { toCsv, type Disposition } from './report.ts';

/** Types whose comments are published under the organization's name; the rest are people. */
const NAMED_TYPES: readonly ParticipantType[] = ['government', 'enterprise'];

export interface AdoptionSource {
	clause: string;
	quote: string;
	body: string;
	participantType: ParticipantType;
	/** The organization's name (members). */
	organization: string | null;
	/** The person: a member's display name, or the name given on the public form. */
	person: string;
	disposition: Disposition | null;
	reason: string | null;
	/** YYYY-MM-DD in China time. */
	receivedOn: string;
	answeredOn: string | null;
	/** The answering member's organization. */
	answeredBy: string | null;
}

export interface AdoptionRow {
	serial: number;
	clause: string;
	quote: string;
	who: string;
	body: string;
	result: string;
	reason: string;
	receivedOn: string;
	answeredOn: string;
	answeredBy: string;
}

export interface AdoptionCounts {
	total: number;
	/** 采纳 and 部分采纳 together: both took the opinion in. */
	adopted: number;
	partial: number;
	rejected: number;
	pending: number;
}

export const RESULT_WORDS: Record<Disposition | 'pending', string> = {
	adopted: '采纳',
	partial: '部分采纳',
	rejected: '不采纳',
	pending: '尚未答复'
};

/** 朱先生 → 朱**: the family name stays, the rest is hidden (a lone character is hidden whole). */
export function maskPerson(name: string): string {
	const chars = [...name.trim()];
	if (chars.length === 0) return '匿名';
	if (chars.length === 1) return '*';
	return `${chars[0]}**`;
}

/** Who the public sees as 反馈人. */
export function publishedName(
	source: Pick<AdoptionSource, 'participantType' | 'organization' | 'person'>
): string {
	if (NAMED_TYPES.includes(source.participantType) && source.organization)
		return source.organization;
	return maskPerson(source.person);
}

/** Rows in the order received, numbered from 1. */
export function adoptionRows(sources: readonly AdoptionSource[]): AdoptionRow[] {
	return sources.map((s, i) => ({
		serial: i + 1,
		clause: s.clause,
		quote: s.quote,
		who: publishedName(s),
		body: s.body,
		result: RESULT_WORDS[s.disposition ?? 'pending'],
		reason: s.reason ?? '',
		receivedOn: s.receivedOn,
		answeredOn: s.answeredOn ?? '',
		answeredBy: s.disposition ? (s.answeredBy ?? '') : ''
	}));
}

export function adoptionCounts(
	sources: readonly Pick<AdoptionSource, 'disposition'>[]
): AdoptionCounts {
	const counts: AdoptionCounts = {
		total: sources.length,
		adopted: 0,
		partial: 0,
		rejected: 0,
		pending: 0
	};
	for (const s of sources) {
		if (s.disposition === 'adopted' || s.disposition === 'partial') counts.adopted += 1;
		if (s.disposition === 'partial') counts.partial += 1;
		if (s.disposition === 'rejected') counts.rejected += 1;
		if (!s.disposition) counts.pending += 1;
	}
	return counts;
}

/** 共征集意见N条，采纳M条，未采纳K条 — with 部分采纳 and unanswered ones said when there are any. */
export function countsLine(c: AdoptionCounts): string {
	const partial = c.partial > 0 ? `（其中部分采纳${c.partial}条）` : '';
	const pending = c.pending > 0 ? `，尚未答复${c.pending}条` : '';
	return `共征集意见${c.total}条，采纳${c.adopted}条${partial}，未采纳${c.rejected}条${pending}`;
}

/** The fields of the CSV and JSON, in order, with what each holds (published with the data). */
export const ADOPTION_FIELDS = [
	{ key: 'serial', title: '序号', description: '意见的顺序号，按受理时间排列，从1开始。' },
	{ key: 'clause', title: '章节', description: '意见针对的规划章节编号。' },
	{ key: 'quote', title: '原文', description: '意见针对的征求意见稿原文。' },
	{
		key: 'who',
		title: '反馈人',
		description: '提出意见的单位或个人；政府部门和企业写单位名称，个人只显示姓氏（如“朱**”）。'
	},
	{ key: 'body', title: '意见内容', description: '意见原文。' },
	{ key: 'result', title: '处理结果', description: '采纳、部分采纳、不采纳或尚未答复。' },
	{ key: 'reason', title: '理由', description: '采纳或不采纳的理由。' },
	{ key: 'receivedOn', title: '受理日期', description: '收到意见的日期（北京时间，YYYY-MM-DD）。' },
	{
		key: 'answeredOn',
		title: '答复日期',
		description: '作出答复的日期（北京时间，YYYY-MM-DD），未答复为空。'
	},
	{ key: 'answeredBy', title: '答复部门', description: '作出答复的部门，未答复为空。' }
] as const satisfies readonly { key: keyof AdoptionRow; title: string; description: string }[];

export function adoptionCsv(rows: readonly AdoptionRow[]): string {
	return toCsv(
		ADOPTION_FIELDS.map((f) => f.title),
		rows.map((r) => ADOPTION_FIELDS.map((f) => r[f.key]))
	);
}
