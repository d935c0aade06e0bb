/**
 * Words of the 意见采纳情况说明 as a document (CSV, DOCX). Like src/lib/export/vocabulary.ts these are
 * document content in Chinese whatever the screen's language, not UI messages.
 */
import { formatDay } from '../dates.ts';
import type { Activity } from '../standard/sections.ts';
import type { ParticipantType } from './period.ts';
import type { DispositionColumn, Stance } from './report.ts';

export const REPORT_WORDS = {
	title: '意见采纳情况说明',
	serial: '序号',
	section: '章节',
	quote: '原文',
	comment: '意见内容',
	who: '提出单位（人）',
	participantType: '参与方类型',
	stance: '立场',
	disposition: '处理情况',
	reason: '理由',
	total: '合计',
	countsCaption: '意见处理情况统计',
	period: '征求意见期',
	version: '征求意见稿',
	versionHash: '版本摘要',
	shortReason: '征求意见期少于30日的理由',
	summary: (total: number, adopted: number, partial: number, rejected: number, pending: number) =>
		`本轮征求意见共收到意见${total}条，其中采纳${adopted}条，部分采纳${partial}条，不采纳${rejected}条，尚未答复${pending}条。各条意见的处理情况及理由如下。`,
	noComments: '本轮征求意见未收到意见。',
	to: '至'
} as const;

export const PARTICIPANT_WORDS: Record<ParticipantType, string> = {
	government: '政府部门',
	enterprise: '企业',
	residents: '居民代表',
	experts: '专家',
	public: '社会公众'
};

export const STANCE_WORDS: Record<Stance, string> = {
	support: '支持',
	oppose: '反对',
	suggest: '建议'
};

export const DISPOSITION_WORDS: Record<DispositionColumn, string> = {
	adopted: '采纳',
	partial: '部分采纳',
	rejected: '不采纳',
	pending: '未答复'
};

export const ACTIVITY_WORDS: Record<Activity, string> = {
	requirements: '需求分析',
	overall: '总体设计',
	architecture: '架构设计',
	roadmap: '实施路径规划'
};

/** 2026年11月30日 from a YYYY-MM-DD day. */
export function chineseDay(day: string): string {
	return formatDay(day);
}
