/**
 * The demo city 示例市: organizations, one account per role, and who owns which section.
 * README.md lists these accounts; keep the two in step.
 */
import type { OrganizationType, PlanRole } from '../../roles.ts';

export const DEMO_PASSWORD = 'lantu2026';

export const DEMO_PLAN = {
	name: '示例市智慧城市顶层设计（2026—2030年）',
	city: '示例市',
	periodStart: 2026,
	periodEnd: 2030
};

export const DEMO_ORGANIZATIONS: { key: string; name: string; type: OrganizationType }[] = [
	{ key: 'dsj', name: '示例市大数据局', type: 'government' },
	{ key: 'fgw', name: '示例市发展和改革委员会', type: 'government' },
	{ key: 'gaj', name: '示例市公安局', type: 'government' },
	{ key: 'wjw', name: '示例市卫生健康委员会', type: 'government' },
	{ key: 'zf', name: '示例市人民政府办公室', type: 'government' },
	{ key: 'qy', name: '示例市城市运营科技有限公司', type: 'enterprise' },
	{ key: 'jm', name: '示例市东城街道居民代表', type: 'residents' },
	{ key: 'zj', name: '示例市智慧城市专家咨询委员会', type: 'experts' }
];

/** The leading unit (牵头单位). */
export const DEMO_LEAD = 'dsj';

/** Who confirmed the demo plan's manual checks (issue 18): the expert committee's reviewer. */
export const DEMO_MANUAL_REVIEWER = 'expert';

export const DEMO_ACCOUNTS: {
	username: string;
	displayName: string;
	org: string;
	roles: PlanRole[];
	isSystemAdmin?: boolean;
}[] = [
	{
		username: 'admin',
		displayName: '王建国',
		org: 'dsj',
		roles: ['admin', 'editor'],
		isSystemAdmin: true
	},
	{ username: 'dsj', displayName: '李晓明', org: 'dsj', roles: ['editor'] },
	{ username: 'fgw', displayName: '张丽华', org: 'fgw', roles: ['editor'] },
	{ username: 'gaj', displayName: '陈志强', org: 'gaj', roles: ['editor'] },
	{ username: 'wjw', displayName: '刘芳', org: 'wjw', roles: ['editor'] },
	// One reviewer per department that writes sections, so the default sign-off policy (every
	// assigned department countersigns) can complete in the demo.
	{ username: 'reviewer', displayName: '赵国平', org: 'fgw', roles: ['reviewer'] },
	{ username: 'dsj-lead', displayName: '钱卫东', org: 'dsj', roles: ['reviewer'] },
	{ username: 'gaj-lead', displayName: '何建军', org: 'gaj', roles: ['reviewer'] },
	{ username: 'wjw-lead', displayName: '林静', org: 'wjw', roles: ['reviewer'] },
	{ username: 'expert', displayName: '孙教授', org: 'zj', roles: ['reviewer'] },
	{ username: 'leader', displayName: '周市长', org: 'zf', roles: ['approver'] },
	{ username: 'qiye', displayName: '吴经理', org: 'qy', roles: ['enterprise'] },
	{ username: 'jumin', displayName: '郑阿姨', org: 'jm', roles: ['resident'] }
];

/** Which departments write which section. */
export const DEMO_ASSIGNMENTS: Record<string, string[]> = {
	'6.1': ['fgw'],
	'6.2': ['fgw', 'wjw'],
	'6.3': ['dsj'],
	'6.4': ['fgw'],
	'6.5': ['dsj', 'gaj', 'wjw'],
	'7.2': ['dsj'],
	'7.3': ['dsj', 'fgw'],
	'7.4': ['dsj'],
	'8.1': ['dsj'],
	'8.2': ['dsj'],
	'8.3': ['dsj'],
	'8.4': ['dsj'],
	'8.5': ['gaj'],
	'8.6': ['dsj'],
	'8.7': ['fgw'],
	'9.1': ['dsj', 'fgw'],
	'9.2': ['dsj'],
	'9.3': ['fgw'],
	'9.4': ['fgw']
};
