/**
 * `npm start`: build, then serve — with a short start-up on the console. The build's own output
 * (hundreds of lines) goes to <data>/build.log and the server's JSON log to <data>/server.log;
 * warnings and errors of the server still reach the console. `npm start -- --verbose` (or
 * VERBOSE=1) shows everything as it happens, as `npm run build && npm run serve` would.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { SERVER_ENTRY, SERVER_NODE_FLAGS } from '../server/node-flags.ts';

const root = path.resolve(import.meta.dirname, '..');
const verbose = process.argv.includes('--verbose') || /^(1|true)$/i.test(process.env.VERBOSE ?? '');
const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data');
const node = process.execPath;
fs.mkdirSync(dataDir, { recursive: true });
/** Paths inside the project as `data/…`, others in full. */
const show = (file: string) => {
	const relative = path.relative(root, file);
	return relative && !relative.startsWith('..') ? relative : file;
};

function build(): Promise<void> {
	const vite = path.join(root, 'node_modules/vite/bin/vite.js');
	const logFile = path.join(dataDir, 'build.log');
	if (!verbose) console.log(`蓝图 Lantu：正在构建… （详情写入 ${show(logFile)}）`);
	return new Promise((resolve, reject) => {
		const out = verbose ? 'inherit' : fs.openSync(logFile, 'w');
		const child = spawn(node, [vite, 'build'], { cwd: root, stdio: ['ignore', out, out] });
		child.on('error', reject);
		child.on('exit', (code) => {
			if (code === 0) return resolve();
			if (!verbose) {
				const lines = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
				console.error(lines.slice(-30).join('\n'));
			}
			reject(new Error(`build failed (exit ${code}); see ${show(logFile)}`));
		});
	});
}

function banner(port: number) {
	const host = process.env.HOST && process.env.HOST !== '0.0.0.0' ? process.env.HOST : 'localhost';
	const lines = [`蓝图 Lantu 已启动：http://${host}:${port}`];
	if (process.env.SEED_DEMO !== 'false')
		lines.push(
			'  演示账号：admin（管理员）、dsj / fgw（部门编辑）、reviewer、leader、qiye、jumin 等，密码均为 lantu2026（见 README “Demo accounts”）'
		);
	lines.push(
		`  数据目录：${dataDir}（SQLite 数据库 lantu.db；首次启动时载入示例市）`,
		`  服务日志：${show(path.join(dataDir, 'server.log'))}；按 Ctrl+C 停止`
	);
	console.log(lines.join('\n'));
}

function serve() {
	const child = spawn(node, [...SERVER_NODE_FLAGS, path.join(root, SERVER_ENTRY)], {
		cwd: root,
		stdio: verbose ? 'inherit' : ['ignore', 'pipe', 'inherit']
	});
	const forward = (signal: NodeJS.Signals) => child.kill(signal);
	process.on('SIGINT', forward);
	process.on('SIGTERM', forward);
	child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
	if (verbose || !child.stdout) return;
	const log = fs.createWriteStream(path.join(dataDir, 'server.log'), { flags: 'a' });
	readline.createInterface({ input: child.stdout }).on('line', (line) => {
		log.write(`${line}\n`);
		let entry: { level?: number; msg?: string; port?: number } = {};
		try {
			entry = JSON.parse(line) as typeof entry;
		} catch {
			console.log(line); // not the JSON log: show it as it is
			return;
		}
		if (entry.msg === 'listening' && typeof entry.port === 'number') banner(entry.port);
		else if ((entry.level ?? 0) >= 40) console.log(line); // warnings and errors stay visible
	});
}

try {
	await build();
	serve();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
}
