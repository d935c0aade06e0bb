/**
 * Functions longer than a limit (default 80 lines), counted on the TypeScript AST from the first
 * to the last line of each function, method or arrow function (nested ones included in their
 * parent's count, and listed on their own too). Issue 12 holds server/ and src/lib/server/ to 80.
 *
 *   node scripts/long-functions.ts [--max 80] [--exclude src/lib/server/workflow/] [dir ...]
 *
 * Exit code 1 when any is found, so CI can run it.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
let max = 80;
const excludes: string[] = [];
const roots: string[] = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--max') max = Number(args[++i]);
	else if (args[i] === '--exclude') excludes.push(args[++i]);
	else roots.push(args[i]);
}
if (roots.length === 0) roots.push('server', 'src/lib/server');

function* files(dir: string): Generator<string> {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (excludes.some((e) => full.startsWith(e))) continue;
		if (entry.isDirectory()) yield* files(full);
		else if (/\.ts$/.test(entry.name) && !/\.(test|spec)\.ts$/.test(entry.name)) yield full;
	}
}

function nameOf(node: ts.Node): string {
	if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.name)
		return node.name.getText();
	const parent = node.parent;
	if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText();
	if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText();
	return '(anonymous)';
}

const found: { file: string; line: number; name: string; lines: number }[] = [];
for (const root of roots) {
	for (const file of files(root)) {
		const source = ts.createSourceFile(
			file,
			fs.readFileSync(file, 'utf8'),
			ts.ScriptTarget.Latest,
			true
		);
		const visit = (node: ts.Node) => {
			if (
				ts.isFunctionDeclaration(node) ||
				ts.isFunctionExpression(node) ||
				ts.isArrowFunction(node) ||
				ts.isMethodDeclaration(node)
			) {
				const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
				const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
				const lines = end - start + 1;
				if (lines > max) found.push({ file, line: start + 1, name: nameOf(node), lines });
			}
			ts.forEachChild(node, visit);
		};
		visit(source);
	}
}
found.sort((a, b) => b.lines - a.lines);
for (const f of found)
	console.log(`${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
console.log(`${found.length} function(s) over ${max} lines`);
process.exitCode = found.length > 0 ? 1 : 0;
