/**
 * The canonical text of an exported document, the string whose SHA-256 (the "text digest") the
 * verification block signs. It must come out the same whether read from the file we wrote or from
 * a copy a citizen holds, and change when any character of the body changes:
 *
 * - NFKC, so compatibility forms read back from a PDF (ﬁ ligatures, full-width ：（）, the Kangxi
 *   radicals ⽰ Chromium's CJK fonts name some glyphs by) become the ordinary characters;
 * - CJK Radicals Supplement code points, which NFKC leaves alone (意⻅ for 意见), mapped to the
 *   unified ideographs they stand for;
 * - dashes (— ― ⸺) as one dash; every whitespace and zero-width character removed (CJK lines wrap
 *   anywhere, and where a line breaks is layout, not text).
 *
 * Pure, relative-import free (the export worker and `npm run verify` use it).
 */

// Radicals Supplement → unified ideograph: the simplified forms and the few traditional ones a CJK
// font's ToUnicode map is known to name this way.
const SUPPLEMENT: Record<string, string> = {
	'\u2E84': '乙',
	'\u2E86': '冂',
	'\u2E8C': '小',
	'\u2E8D': '小',
	'\u2E95': '彐',
	'\u2E9C': '日',
	'\u2EA0': '民',
	'\u2EA4': '爫',
	'\u2EA7': '牛',
	'\u2EAA': '疋',
	'\u2EAE': '竹',
	'\u2EB3': '网',
	'\u2EB7': '羊',
	'\u2EBC': '肉',
	'\u2EC1': '虎',
	'\u2EC4': '西',
	'\u2EC5': '见',
	'\u2EC6': '角',
	'\u2EC8': '讠',
	'\u2EC9': '贝',
	'\u2ECB': '车',
	'\u2ECF': '阝',
	'\u2ED1': '長',
	'\u2ED2': '镸',
	'\u2ED3': '长',
	'\u2ED4': '门',
	'\u2ED6': '阝',
	'\u2ED7': '雨',
	'\u2ED8': '青',
	'\u2ED9': '韦',
	'\u2EDA': '页',
	'\u2EDB': '风',
	'\u2EDC': '飞',
	'\u2EDD': '食',
	'\u2EDF': '食',
	'\u2EE0': '饣',
	'\u2EE2': '马',
	'\u2EE3': '骨',
	'\u2EE4': '鬼',
	'\u2EE5': '鱼',
	'\u2EE6': '鸟',
	'\u2EE7': '卤',
	'\u2EE8': '麦',
	'\u2EE9': '黄',
	'\u2EEA': '黾',
	'\u2EEB': '斉',
	'\u2EEC': '齐',
	'\u2EED': '歯',
	'\u2EEE': '齿',
	'\u2EEF': '竜',
	'\u2EF0': '龙',
	'\u2EF1': '龜',
	'\u2EF2': '亀',
	'\u2EF3': '龟'
};

export function canonicalText(raw: string): string {
	return raw
		.normalize('NFKC')
		.replace(/[\u2E80-\u2EFF]/gu, (c) => SUPPLEMENT[c] ?? c)
		.replace(/[\u2014\u2015\u2E3A\u2E3B]/gu, '—')
		.replace(/[\s\u200B-\u200D\u2060\uFEFF\u00AD]+/gu, '');
}
