import { describe, expect, it } from 'vitest';
import { compareVersions, VERSION_FORMAT, type VersionPayload } from './version.ts';

function payload(sections: VersionPayload['sections']): VersionPayload {
	return { format: VERSION_FORMAT, planId: 1, activity: 'requirements', sections };
}

const section = (clause: string, body: string, items: Record<string, string> = {}) => ({
	clause,
	title: `标题${clause}`,
	rendering: { body, items, data: {} },
	yjs: ''
});

describe('comparing two versions section by section', () => {
	it('reports unchanged, changed, added and removed sections with the changed parts', () => {
		const a = payload([
			section('6.1', '战略'),
			section('6.2', '现状', { '6.2.1': '自然环境' }),
			section('6.4', '其他规划')
		]);
		const b = payload([
			section('6.1', '战略'),
			section('6.2', '现状', { '6.2.1': '自然环境与人口' }),
			section('6.3', '评估')
		]);
		const result = compareVersions(a, b);
		expect(result.map((r) => [r.clause, r.change])).toEqual([
			['6.1', 'same'],
			['6.2', 'changed'],
			['6.4', 'removed'],
			['6.3', 'added']
		]);
		expect(result[1].parts).toEqual([
			{ part: 'item:6.2.1', before: '自然环境', after: '自然环境与人口' }
		]);
	});

	it('compares structured blocks by their rows, ignoring row ids', () => {
		const rows = (target: string, id: string) => ({
			body: '',
			items: {},
			data: { goals: [{ id, statement: '政务服务一网通办', target }] }
		});
		const a = payload([
			{ clause: '7.3', title: '建设目标', rendering: rows('90%', 'r1'), yjs: '' }
		]);
		const same = payload([
			{ clause: '7.3', title: '建设目标', rendering: rows('90%', 'r2'), yjs: '' }
		]);
		const changed = payload([
			{ clause: '7.3', title: '建设目标', rendering: rows('95%', 'r1'), yjs: '' }
		]);
		expect(compareVersions(a, same)[0].change).toBe('same');
		expect(compareVersions(a, changed)[0].parts[0].part).toBe('block:goals');
	});
});
