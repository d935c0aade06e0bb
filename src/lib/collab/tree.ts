/**
 * The business architecture (8.1, Appendix B) is stored flat — rows with a `parent` id — because a
 * flat list merges cleanly under concurrent edits; this turns it into the three-level tree people see.
 * A node whose parent was deleted meanwhile (or that points into a cycle) shows at the top level
 * rather than disappearing, so no one's work goes missing.
 */

export interface FlatNode {
	id: string;
	parent: string | null;
}

export interface TreeNode<T extends FlatNode> {
	node: T;
	depth: number;
	children: TreeNode<T>[];
}

export const MAX_DEPTH = 3;

export function buildTree<T extends FlatNode>(nodes: readonly T[]): TreeNode<T>[] {
	const byId = new Map(nodes.map((n) => [n.id, n]));
	const rootOf = (node: T): boolean => {
		// Walk up: a missing parent makes the node a root; in a cycle, the smallest id is the root.
		const path: string[] = [node.id];
		let current = node;
		while (current.parent) {
			const parent = byId.get(current.parent);
			if (!parent) return current === node;
			const loop = path.indexOf(parent.id);
			if (loop >= 0) {
				const cycle = path.slice(loop);
				return cycle.includes(node.id) && node.id === [...cycle].sort()[0];
			}
			path.push(parent.id);
			current = parent;
		}
		return current === node;
	};
	const children = new Map<string, T[]>();
	const roots: T[] = [];
	for (const node of nodes) {
		if (rootOf(node) || !node.parent) roots.push(node);
		else {
			const list = children.get(node.parent) ?? [];
			list.push(node);
			children.set(node.parent, list);
		}
	}
	const grow = (node: T, depth: number, path: Set<string>): TreeNode<T> => ({
		node,
		depth,
		children: (children.get(node.id) ?? [])
			.filter((c) => !path.has(c.id))
			.map((c) => grow(c, depth + 1, new Set([...path, c.id])))
	});
	return roots.map((r) => grow(r, 1, new Set([r.id])));
}

export function flatten<T extends FlatNode>(tree: readonly TreeNode<T>[]): TreeNode<T>[] {
	return tree.flatMap((t) => [t, ...flatten(t.children)]);
}

/** Ids of a node and everything below it. */
export function subtreeIds<T extends FlatNode>(tree: readonly TreeNode<T>[], id: string): string[] {
	const found = flatten(tree).find((t) => t.node.id === id);
	return found ? flatten([found]).map((t) => t.node.id) : [];
}

/** Height of a subtree counted in levels (a leaf is 1). */
export function height<T extends FlatNode>(tree: TreeNode<T>): number {
	return 1 + Math.max(0, ...tree.children.map(height));
}

/**
 * Where a node may move: under any node that is not itself or below it, as long as the moved subtree
 * still fits in three levels; `null` means the top level.
 */
export function validParents<T extends FlatNode>(
	tree: readonly TreeNode<T>[],
	id: string
): (string | null)[] {
	const all = flatten(tree);
	const self = all.find((t) => t.node.id === id);
	if (!self) return [];
	const excluded = new Set(subtreeIds(tree, id));
	const need = height(self);
	const parents: (string | null)[] = [null];
	for (const t of all) {
		if (!excluded.has(t.node.id) && t.depth + need <= MAX_DEPTH) parents.push(t.node.id);
	}
	return parents;
}
