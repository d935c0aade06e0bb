/**
 * Stable row ids of the demo plan, so sections can point at each other's rows (goals → needs,
 * key projects → needs and goals, operating models and phases → key projects).
 */
export const NEED = {
	oneNetService: 'demo-need-01',
	oneNetManage: 'demo-need-02',
	dataSharing: 'demo-need-03',
	baseDatabases: 'demo-need-04',
	govCloud: 'demo-need-05',
	network: 'demo-need-06',
	traffic: 'demo-need-07',
	health: 'demo-need-08',
	grassroots: 'demo-need-09',
	security: 'demo-need-10',
	digitalEconomy: 'demo-need-11',
	standards: 'demo-need-12',
	performance: 'demo-need-13',
	video: 'demo-need-14',
	interfaces: 'demo-need-15',
	hazards: 'demo-need-16'
} as const;

export const GOAL = {
	overall: 'demo-goal-00',
	service: 'demo-goal-01',
	operations: 'demo-goal-02',
	data: 'demo-goal-03',
	cloud: 'demo-goal-04',
	network: 'demo-goal-05',
	traffic: 'demo-goal-06',
	health: 'demo-goal-07',
	security: 'demo-goal-08',
	video: 'demo-goal-09',
	economy: 'demo-goal-10',
	standards: 'demo-goal-11',
	hazards: 'demo-goal-12',
	phaseCloud: 'demo-goal-21',
	phaseService: 'demo-goal-22',
	phaseBrain: 'demo-goal-23'
} as const;

export const PROJECT = {
	cityBrain: 'demo-project-01',
	oneNetService: 'demo-project-02',
	dataPlatform: 'demo-project-03',
	cloud: 'demo-project-04',
	traffic: 'demo-project-05',
	health: 'demo-project-06',
	grassroots: 'demo-project-07',
	video: 'demo-project-08',
	security: 'demo-project-09',
	economy: 'demo-project-10'
} as const;

export const SYSTEM = {
	service: 'demo-system-01',
	brain: 'demo-system-02',
	exchange: 'demo-system-03',
	grid: 'demo-system-04',
	signals: 'demo-system-05',
	video: 'demo-system-06',
	health: 'demo-system-07',
	identity: 'demo-system-08'
} as const;

/** 6.4's register of related plans. */
export const PLAN = {
	digitalChina: 'demo-plan-01',
	cityTransformation: 'demo-plan-02',
	provinceGov: 'demo-plan-03',
	cityFiveYear: 'demo-plan-04',
	transport: 'demo-plan-05',
	health: 'demo-plan-06'
} as const;

/** 6.3's own indicators (自选指标) that 7.3's goals carry, by goal. */
export const INDICATOR = {
	economy: 'demo-indicator-local-01',
	grid: 'demo-indicator-local-02',
	service: 'demo-indicator-local-03',
	operations: 'demo-indicator-local-04',
	data: 'demo-indicator-local-05',
	cloud: 'demo-indicator-local-06',
	network: 'demo-indicator-local-07',
	traffic: 'demo-indicator-local-08',
	health: 'demo-indicator-local-09',
	security: 'demo-indicator-local-10',
	standards: 'demo-indicator-local-11',
	hazards: 'demo-indicator-local-12',
	/** The preset row 公共安全视频监控资源联网和共享程度, given its own id to be pointed at. */
	video: 'demo-indicator-video'
} as const;

/** Ids for rows that start from a preset: `<prefix>-01`, `<prefix>-02`, … in the preset's order. */
export function sequentialIds(prefix: string): () => string {
	let n = 0;
	return () => `${prefix}-${String(++n).padStart(2, '0')}`;
}
