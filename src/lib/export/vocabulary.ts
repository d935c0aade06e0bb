/**
 * The words of the exported document itself. A deliverable of a Chinese city is written in Chinese
 * whatever language its writers' screens use, so these are document content (like the standard's
 * titles in the template registry), not UI messages.
 */
export const WORDS = {
	/** The ideographic space between a table's number and its caption. */
	gap: '\u3000',
	/** Where a figure's image could not be read (missing or failing its hash check). */
	imageMissing: '（图片缺失或校验未通过）',
	draft: '草稿',
	fullEdition: '设计报告',
	publicationEdition: '公开发布稿',
	toc: '目　录',
	leadUnit: '编制单位',
	period: '规划期',
	version: '版本',
	versionHash: '版本摘要',
	date: '日期',
	compilation: '定稿汇编',
	sha256: 'SHA-256',
	compilationHash: '汇编摘要',
	compilationHashNote:
		'汇编摘要为各章版本摘要按“活动:摘要”逐行（以换行结尾）连接后的 SHA-256 值；各章内容与签署时冻结的版本一致。',
	chapterVersion: '本章版本',
	chapterNotFinal: '本章尚未定稿，未收入本汇编。',
	notFinal: '未定稿',
	milestones: {
		consultation: '征求意见稿',
		review: '送审稿',
		approval: '报批稿',
		final: '定稿'
	},
	edition: '第{n}版',
	superseded: '已被取代',
	signoffDecisions: {
		countersign: '会签同意',
		confirm: '确认参与',
		return: '退回修改',
		approve: '批准'
	},
	/**
	 * 会签意见 as written in the record (a 不同意 is recorded on the return it caused), and a
	 * representative's 有异议 in 参与确认 (its answer follows in the comment).
	 */
	signoffCountersignDecisions: {
		agree: '会签同意',
		'agree-with-comments': '原则同意',
		disagree: '不同意',
		object: '有异议'
	},
	signoffRoles: {
		enterprise: '企业代表',
		resident: '居民代表',
		approver: '审批领导',
		reviewer: '审核人',
		admin: '规划管理员'
	},
	/** A 送审稿 submitted without a consultation round, with the admin's reason. */
	signoffConsultationWaived: '免于征求意见',
	/** The owning department's answer to an objection: `答复（单位 姓名）：…`; none yet: 未答复. */
	signoffObjectionAnswer: '答复（{organization} {name}）：{text}',
	signoffObjectionOpen: '尚未答复',
	consultationPeriod: '征求意见期',
	draftNotice: '本稿为编制中的草稿，内容尚未审定，不得作为正式文件引用。',
	none: '暂无',
	/** A stored row that could not be read (section-doc.ts `readBlockRows`), `{rows}` as 第2、5行. */
	unreadableRows: '第{rows}行数据无法读取，未列入本表。',
	sectionEmpty: '本节暂无内容。',
	serial: '序号',
	total: '合计',
	unit: '单位',
	table: '表',
	figure: '图',
	projectPeriod: '建设周期',
	planFiscal: '本规划财政资金（万元）',
	fiscalShare: '占一般公共预算支出比例',
	pppShare: 'PPP支出责任占比',
	phasePeriod: '起止时间',
	business: '业务',
	businessTreeCaption: '业务架构（一级、二级、三级业务）',
	appendix: '附录',
	annex: '附件',
	signoffTitle: '签署记录',
	signoffColumns: ['签署人', '角色', '单位', '时间', '意见', '签署内容', '版本摘要'],
	signoffNone: '暂无签署记录。',
	/** 5.1.3: each activity's output checked and fed back on by the next (issue 14). */
	feedbackTitle: '定稿的检验与反馈（5.1.3）',
	feedbackColumns: ['反馈人', '时间', '章节与位置', '反馈意见', '处理结果', '答复'],
	feedbackDecisions: {
		reopened: '采纳（已重新打开修改）',
		next_revision: '采纳（在下一次修订中处理）',
		rejected: '不采纳',
		open: '待答复'
	},
	feedbackFrom: '来自{activity}',
	consultationTitle: '意见采纳情况说明',
	consultationCaption: '意见采纳情况',
	consultationColumns: ['序号', '意见提出方', '涉及章节', '意见内容', '采纳情况', '理由说明'],
	consultationNone: '暂无征求意见记录。',
	consultationEmptyRound: '本轮未收到意见。',
	page: '第 {n} 页'
} as const;

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 23 → 二十三 (enough for a plan's numbering). */
export function chineseNumber(n: number): string {
	if (n < 10) return DIGITS[n];
	if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
	if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
	return String(n);
}

/**
 * How Chinese official documents number their levels: 第一章 / 一、 / （一） / 1. / （1）. The report
 * uses chapters; the publication edition starts at 一、 as cities' published plans do.
 */
export function planNumber(level: number, n: number, chapters: boolean): string {
	const styles = chapters
		? [
				(i: number) => `第${chineseNumber(i)}章`,
				(i: number) => `${chineseNumber(i)}、`,
				(i: number) => `（${chineseNumber(i)}）`,
				(i: number) => `${i}.`,
				(i: number) => `（${i}）`
			]
		: [
				(i: number) => `${chineseNumber(i)}、`,
				(i: number) => `（${chineseNumber(i)}）`,
				(i: number) => `${i}.`,
				(i: number) => `（${i}）`,
				(i: number) => `${i})`
			];
	return styles[Math.min(level, styles.length) - 1](n);
}

/** 附录A, 附录B… for the report; 附件1, 附件2… for the publication edition. */
export function appendixNumber(n: number, edition: 'full' | 'publication'): string {
	return edition === 'full'
		? `${WORDS.appendix}${String.fromCharCode(64 + n)}`
		: `${WORDS.annex}${n}`;
}
