import { describe, expect, it } from 'vitest';
import { buildTree, flatten, subtreeIds, validParents } from './tree.ts';

const nodes = [
	{ id: 'a', parent: null },
	{ id: 'a1', parent: 'a' },
	{ id: 'a1x', parent: 'a1' },
	{ id: 'b', parent: null },
	{ id: 'orphan', parent: 'gone' },
	{ id: 'c1', parent: 'c2' },
	{ id: 'c2', parent: 'c1' }
];

describe('buildTree', () => {
	it('nests children under parents with their level', () => {
		const tree = buildTree(nodes);
		const depth = Object.fromEntries(flatten(tree).map((t) => [t.node.id, t.depth]));
		expect(depth).toMatchObject({ a: 1, a1: 2, a1x: 3, b: 1 });
	});

	it('keeps nodes whose parent was deleted, and breaks cycles, instead of losing them', () => {
		const ids = flatten(buildTree(nodes)).map((t) => t.node.id);
		expect(ids).toContain('orphan');
		expect(ids).toContain('c1');
		expect(ids).toContain('c2');
		expect(new Set(ids).size).toBe(nodes.length);
	});
});

describe('moves', () => {
	it('finds a subtree', () => {
		expect(subtreeIds(buildTree(nodes), 'a')).toEqual(['a', 'a1', 'a1x']);
	});

	it('offers only parents that keep three levels and no cycles', () => {
		const tree = buildTree(nodes);
		expect(validParents(tree, 'a1')).toEqual([null, 'a', 'b', 'orphan', 'c1']);
		expect(validParents(tree, 'a1')).not.toContain('a1x');
		expect(validParents(tree, 'a')).toEqual([null]);
		expect(validParents(tree, 'b')).toContain('a1');
	});
});
