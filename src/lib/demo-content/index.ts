/**
 * The demo plan's section content (chapters 6–9), and the gaps left in it on purpose so that the
 * checklist has red items to show. demo-content.test.ts keeps this list and the rules in step.
 */
import { CHAPTER_6 } from './chapter6.ts';
import { CHAPTER_7 } from './chapter7.ts';
import { CHAPTER_8 } from './chapter8.ts';
import { CHAPTER_9 } from './chapter9.ts';
import type { DemoSection } from './types.ts';

export const DEMO_SECTIONS: readonly DemoSection[] = [
	...CHAPTER_6,
	...CHAPTER_7,
	...CHAPTER_8,
	...CHAPTER_9
];

/**
 * Rule id → the section whose checklist shows it red, and what was left out. Every other rule passes
 * (or does not apply).
 */
export const DEMO_GAPS: Readonly<Record<string, { section: string; note: string }>> = {
	'item:6.5.2.j': { section: '6.5', note: '6.5.2 j）接口需求分析未填写' },
	'7.3.3.f': { section: '7.3', note: '细分目标“数字经济成为全市经济增长的重要引擎”没有完成年份' },
	'3.2.8.6': { section: '8.6', note: '8.6 标准体系未编写' },
	'9.1.4.a': { section: '9.1', note: '“基层智治工程”的建设目标没有量化' },
	'trace.needs-projects': {
		section: '9.1',
		note: '6.5 的需求“智慧城市建设缺少地方标准规范”没有对应的重点工程'
	},
	'item:9.4.d': { section: '9.4', note: '9.4 d）资金保障未填写' },
	// Manual checks (issue 18): the expert confirmed the required ones; these two 宜 are left for a
	// reviewer to confirm, so the demo shows both states.
	'manual:8.1.1': { section: '8.1', note: '8.1.1 业务架构是否符合本地特色，尚未经审查人人工确认' },
	'manual:9.3.1': { section: '9.3', note: '9.3.1 过渡路径是否有效、可操作，尚未经审查人人工确认' }
};

export { buildSectionDoc } from './build.ts';
export type { DemoSection } from './types.ts';
