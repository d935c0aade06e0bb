/**
 * Lantu's layer rule (docs/ARCHITECTURE.md "Layers"): which folder may import which. Each import is
 * resolved to a file of the repository (relative paths, `#lib/*`, `$lib/*`) and judged by where it
 * comes from and where it goes; package imports are not this rule's business.
 *
 *   server/                  the process entry; may import src/lib (never the collab server's
 *                            parts: it takes the collab server from the app through globalThis)
 *   src/                     never imports server/
 *   src/lib/* (not server/)  isomorphic: never imports src/lib/server (it also runs in the browser)
 *   src/lib/standard/        the standard as data: never imports templates/, which build on it
 *   src/lib/server/collab/   the collaboration server: the rest of the app sees it through
 *                            src/lib/server/collab.ts (the narrow face), plus the document store
 *                            and its checksums, which the seed and history read too
 */
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

/** @type {{ from: (f: string) => boolean, to: (t: string) => boolean, message: string }[]} */
const RULES = [
	{
		from: (f) => f.startsWith('src/'),
		to: (t) => t.startsWith('server/'),
		message: 'src/ never imports server/ (the entry imports the app, not the other way round).'
	},
	{
		from: (f) => f.startsWith('src/lib/') && !f.startsWith('src/lib/server/'),
		to: (t) => t.startsWith('src/lib/server/'),
		message: 'Isomorphic src/lib code never imports src/lib/server (it runs in the browser too).'
	},
	{
		from: (f) => f.startsWith('src/lib/standard/'),
		to: (t) => t.startsWith('src/lib/templates/'),
		message: 'src/lib/standard is the standard as data; templates/ build on it, never the reverse.'
	},
	{
		from: (f) => !f.startsWith('src/lib/server/collab/') && f !== 'src/lib/server/collab.ts',
		to: (t) =>
			t.startsWith('src/lib/server/collab/') &&
			t !== 'src/lib/server/collab/store.ts' &&
			t !== 'src/lib/server/collab/integrity.ts',
		message:
			"The collab server's parts are private: use its face, src/lib/server/collab.ts (getCollab)."
	}
];

/**
 * The repository path an import specifier names, or null for a package.
 * @param {string} filename
 * @param {string} specifier
 * @returns {string | null}
 */
function target(filename, specifier) {
	let resolved;
	if (specifier.startsWith('.')) resolved = path.resolve(path.dirname(filename), specifier);
	else if (specifier.startsWith('#lib/') || specifier.startsWith('$lib/'))
		resolved = path.join(ROOT, 'src/lib', specifier.slice(5));
	else return null;
	return path.relative(ROOT, resolved).split(path.sep).join('/');
}

/** @type {import('eslint').Rule.RuleModule} */
const layers = {
	meta: {
		type: 'problem',
		docs: { description: 'Imports follow the layers of docs/ARCHITECTURE.md' },
		schema: []
	},
	create(context) {
		const from = path.relative(ROOT, context.filename).split(path.sep).join('/');
		/** @param {any} node an import or export declaration, or an import() expression */
		function check(node) {
			const source = node.source;
			if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
			const to = target(context.filename, source.value);
			if (to === null) return;
			for (const rule of RULES) {
				if (rule.from(from) && rule.to(to)) context.report({ node: source, message: rule.message });
			}
		}
		return {
			ImportDeclaration: check,
			ExportNamedDeclaration: check,
			ExportAllDeclaration: check,
			ImportExpression: check
		};
	}
};

export default { rules: { layers } };
