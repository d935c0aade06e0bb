/**
 * `npm test`: builds the app once, then runs every suite in order — unit, integration (real server)
 * on SQLite, the same integration tests on PostgreSQL (a throwaway cluster, tests/helpers/postgres.ts),
 * browser (Playwright on Chromium) — stopping at the first failing suite. Ends with one plain line,
 * `N passed, N failed[, N skipped]`, counting every test of every suite that ran (both integration
 * passes). PostgreSQL not installed counts as one failure, said plainly; the other suites still run.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findChromium, INSTALL_HINT } from '../tests/helpers/browser.ts';
import { POSTGRES_MISSING, postgresBinDir } from '../tests/helpers/postgres.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const RESULTS = path.join(ROOT, 'test-results');
const BIN = path.join(ROOT, 'node_modules/.bin');

interface Counts {
	passed: number;
	failed: number;
	skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };

function run(title: string, command: string, args: string[], env: Record<string, string> = {}) {
	console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
	const result = spawnSync(path.join(BIN, command), args, {
		cwd: ROOT,
		stdio: 'inherit',
		env: { ...process.env, ...env, PATH: `${BIN}${path.delimiter}${process.env.PATH ?? ''}` }
	});
	return result.status ?? 1;
}

function readJson<T>(file: string): T | undefined {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
	} catch {
		return undefined;
	}
}

/** Vitest's JSON reporter (Jest-compatible shape). */
function vitestCounts(file: string): Counts | undefined {
	const report = readJson<{
		numPassedTests: number;
		numFailedTests: number;
		numPendingTests: number;
		numTodoTests: number;
	}>(file);
	if (!report) return undefined;
	return {
		passed: report.numPassedTests,
		failed: report.numFailedTests,
		skipped: report.numPendingTests + report.numTodoTests
	};
}

/** Playwright's JSON reporter: stats count tests by final outcome. */
function playwrightCounts(file: string): Counts | undefined {
	const report = readJson<{
		stats: { expected: number; unexpected: number; flaky: number; skipped: number };
	}>(file);
	if (!report) return undefined;
	const { expected, unexpected, flaky, skipped } = report.stats;
	return { passed: expected + flaky, failed: unexpected, skipped };
}

function add(counts: Counts | undefined, suite: string, status: number) {
	if (!counts) {
		// The runner died before writing its report: count the suite as one failure.
		console.error(`✗ ${suite}: no report was written`);
		total.failed += 1;
		return;
	}
	total.passed += counts.passed;
	total.failed += counts.failed;
	total.skipped += counts.skipped;
	if (status !== 0 && counts.failed === 0) total.failed += 1;
}

function finish(code: number): never {
	const skipped = total.skipped > 0 ? `, ${total.skipped} skipped` : '';
	console.log(`\n${total.passed} passed, ${total.failed} failed${skipped}`);
	process.exit(code);
}

fs.rmSync(RESULTS, { recursive: true, force: true });
fs.mkdirSync(RESULTS, { recursive: true });

const chromium = findChromium();
if (!chromium) {
	console.error(INSTALL_HINT);
	total.failed += 1;
	finish(1);
}

// Checked before anything runs, so the message is not lost in the output of the suites.
const postgres = postgresBinDir();
if (!postgres) console.error(`✗ ${POSTGRES_MISSING}`);

if (run('build', 'vite', ['build', '--logLevel', 'warn']) !== 0) {
	total.failed += 1;
	finish(1);
}

/** One pass of the integration tests on one store (tests/helpers/server.ts reads LANTU_TEST_DB). */
function integration(store: 'sqlite' | 'postgres', report: string) {
	return run(
		`integration tests (real server, ${store === 'sqlite' ? 'SQLite' : 'PostgreSQL'})`,
		'vitest',
		[
			'run',
			'--project',
			'integration',
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${report}`
		],
		{ LANTU_SKIP_BUILD: '1', TZ: 'UTC', LANTU_TEST_DB: store }
	);
}

interface Suite {
	name: string;
	run: () => number;
	counts: () => Counts | undefined;
	/** Why it cannot run here (counted as one failure; the suites after it still run). */
	missing?: string;
}

const suites: Suite[] = [
	{
		name: 'unit',
		run: () =>
			run(
				'unit tests',
				'vitest',
				[
					'run',
					'--project',
					'unit',
					'--reporter=default',
					'--reporter=json',
					`--outputFile.json=${RESULTS}/unit.json`
				],
				// Dates are formatted in the plan's zone, never the process's: run in UTC to catch drift.
				{ TZ: 'UTC' }
			),
		counts: () => vitestCounts(`${RESULTS}/unit.json`)
	},
	{
		name: 'integration (SQLite)',
		run: () => integration('sqlite', `${RESULTS}/integration.json`),
		counts: () => vitestCounts(`${RESULTS}/integration.json`)
	},
	{
		name: 'integration (PostgreSQL)',
		run: () => integration('postgres', `${RESULTS}/integration-postgres.json`),
		counts: () => vitestCounts(`${RESULTS}/integration-postgres.json`),
		missing: postgres ? undefined : POSTGRES_MISSING
	},
	{
		name: 'browser',
		run: () =>
			run('browser tests (Chromium)', 'playwright', ['test', '--reporter=list,json'], {
				PLAYWRIGHT_JSON_OUTPUT_NAME: `${RESULTS}/e2e.json`,
				CHROMIUM_PATH: chromium ?? '',
				// The server in UTC; the browser in Asia/Shanghai (playwright.config.ts timezoneId).
				TZ: 'UTC'
			}),
		counts: () => playwrightCounts(`${RESULTS}/e2e.json`)
	}
];

let missing = 0;
for (const suite of suites) {
	if (suite.missing) {
		console.error(`\n✗ ${suite.name} not run: ${suite.missing}`);
		total.failed += 1;
		missing += 1;
		continue;
	}
	const status = suite.run();
	add(suite.counts(), suite.name, status);
	if (status !== 0) {
		console.error(`✗ ${suite.name} tests failed; later suites were not run.`);
		finish(status);
	}
}
if (!postgres) console.error(`\n✗ ${POSTGRES_MISSING}`);
finish(missing > 0 ? 1 : 0);
