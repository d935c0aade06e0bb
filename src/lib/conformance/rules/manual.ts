/**
 * Manual checks: clauses whose 应 (or 宜) asks for a judgement no rule can make — whether the goals
 * really carry the 五化, whether the design really follows the 4.2 principles. The checklist says
 * so, and a named reviewer confirms each one instead (src/lib/server/manual-checks.ts stores who,
 * when, and the digest of the section's content they looked at). A check counts as met only while
 * its confirmation matches the content: unconfirmed or changed since, it is open like any failed
 * rule, so the score never counts it as met.
 */
import { formatDate } from '../../dates.ts';
import type { ManualState, RuleLevel } from '../types.ts';
import type { PlanView } from '../view.ts';
import { fail, PASS, type Rule } from './rule.ts';

export interface ManualCheckSpec {
	/** `manual:<clause>`: stored confirmations refer to it. */
	id: string;
	clause: string;
	/** What the reviewer confirms, short (the checklist's label). */
	label: string;
	/** The standard's words the judgement is about, verbatim. */
	text: string;
	level: RuleLevel;
	/** The section whose content the reviewer judges; a change to it revokes the confirmation. */
	section: string;
	/** Why a machine cannot decide it, shown beside the check. */
	why: string;
}

export const MANUAL_CHECKS: readonly ManualCheckSpec[] = [
	{
		id: 'manual:4.1.1',
		clause: '4.1.1',
		label: '与国家城镇化、信息化发展规划有机结合，与城市其他相关规划、政策文件相衔接',
		text: '应与国家城镇化、信息化发展规划进行有机的结合，与城市其他相关规划、政策文件相衔接。',
		level: 'required',
		section: '6.4',
		why: '平台能检查规划登记表和对接关系是否填写，不能判断衔接是否真实、到位。'
	},
	{
		id: 'manual:4.1.2',
		clause: '4.1.2',
		label:
			'建设目标推进公共服务便捷化、城市管理精细化、生活环境宜居化、基础设施智能化、网络安全长效化',
		text: '应推进公共服务便捷化、城市管理精细化、生活环境宜居化、基础设施智能化、网络安全长效化等目标的实现。',
		level: 'required',
		section: '7.3',
		why: '目标是否落实“五化”取决于目标的实际内容，不能由关键词判断。'
	},
	{
		id: 'manual:4.1.5',
		clause: '4.1.5',
		label: '以目标导向、问题导向和需求导向展开设计',
		text: '应以目标导向、问题导向和需求导向展开，确定发展方向、建设目标、总体架构与实施路径等内容，并宜区分需求和目标的轻重缓急。',
		level: 'required',
		section: '7.2',
		why: '平台能检查需求—目标—工程的对应关系，不能判断设计是否真正从问题和需求出发。'
	},
	{
		id: 'manual:4.1.6',
		clause: '4.1.6',
		label:
			'围绕跨部门、跨领域、跨层级的资源统筹、数据共享、业务协同，从体制机制和技术应用两方面创新',
		text: '应重点围绕跨部门、跨领域、跨层级的资源统筹、数据共享、业务协同，从体制机制和技术应用两方面进行创新。',
		level: 'required',
		section: '7.4',
		why: '是否构成体制机制和技术应用上的创新，需要审查人判断。'
	},
	{
		id: 'manual:4.2',
		clause: '4.2',
		label: '遵循以人为本、因城施策、融合共享、协同发展、多元参与、绿色发展、创新驱动七项基本原则',
		text: '智慧城市顶层设计应遵循以下基本原则：以人为本、因城施策、融合共享、协同发展、多元参与、绿色发展、创新驱动。',
		level: 'required',
		section: '7.2',
		why: '原则是否贯彻于设计，只能由审查人通读后判断。'
	},
	{
		id: 'manual:9.1.2',
		clause: '9.1.2',
		label: '任务的轻重缓急依据城市发展需求和资源禀赋确定',
		text: '应根据城市发展需求和资源禀赋，区分各项任务的轻重缓急。',
		level: 'required',
		section: '9.1',
		why: '平台检查每个重点工程是否标明优先级、阶段顺序是否与之一致；优先级是否合理需要审查人判断。'
	},
	{
		id: 'manual:8.1.1',
		clause: '8.1.1',
		label: '业务架构符合本地区特色',
		text: '宜考虑本地区的战略定位和目标、经济与产业发展、自然和人文条件等因素，制定出符合本地区特色的业务架构。',
		level: 'recommended',
		section: '8.1',
		why: '是否体现本地特色需要审查人判断。'
	},
	{
		id: 'manual:9.3.1',
		clause: '9.3.1',
		label: '过渡路径有效、可操作',
		text: '宜通过分析现状与智慧城市目标的差距，提出有效的、可操作的过渡路径。',
		level: 'recommended',
		section: '9.3',
		why: '平台计算现状与目标的差距，路径是否有效、可操作需要审查人判断。'
	}
];

export const MANUAL_WORDS = {
	label: (label: string) => `人工确认：${label}`,
	unconfirmed: '尚未经审查人人工确认。',
	stale: (by: string, at: string) => `内容已变更，需重新确认（${by} 曾于 ${formatDate(at)} 确认）。`
} as const;

export function findManualCheck(id: string): ManualCheckSpec | undefined {
	return MANUAL_CHECKS.find((c) => c.id === id);
}

/** Where the check stands for the plan as evaluated. */
export function manualState(spec: ManualCheckSpec, view: PlanView): ManualState {
	const confirmation = view.confirmation(spec.id);
	if (!confirmation) return { state: 'unconfirmed' };
	const { by, at } = confirmation;
	const current = confirmation.digest === view.digest(spec.section);
	return { state: current ? 'confirmed' : 'stale', by, at };
}

function manualRule(spec: ManualCheckSpec): Rule {
	const { id, clause, level, section } = spec;
	return {
		id,
		clause,
		label: MANUAL_WORDS.label(spec.label),
		level,
		section,
		manual: (view) => manualState(spec, view),
		check(view) {
			const state = manualState(spec, view);
			if (state.state === 'confirmed') return PASS;
			const message =
				state.state === 'stale' ? MANUAL_WORDS.stale(state.by, state.at) : MANUAL_WORDS.unconfirmed;
			return fail({ message, pointer: { kind: 'body', section } });
		}
	};
}

export const MANUAL_RULES: readonly Rule[] = MANUAL_CHECKS.map(manualRule);
