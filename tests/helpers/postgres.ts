/**
 * A real, throwaway PostgreSQL cluster (Debian's `postgresql` package; .ci/run installs it) on a
 * free loopback port, with its data directory and Unix socket in a temp directory — the PostgreSQL
 * pass of the integration tests, `npm run cluster -- --postgres` and the benchmark use it. No system
 * service is involved: initdb + pg_ctl, as the `postgres` user when we are root (initdb refuses
 * root). Missing PostgreSQL is a failure with the fix in its message, never a skip.
 *
 * Test settings, chosen for a throwaway cluster: trust authentication on 127.0.0.1 only (nothing
 * else can reach it); unless `durable`, `fsync=off` and `full_page_writes=off`, which only matter when the operating
 * system crashes — killing a Lantu instance or PostgreSQL's own processes still loses nothing
 * committed, since commits stay synchronous (`synchronous_commit` is left on). Collation C, like
 * SQLite's binary comparison, so ORDER BY agrees between the two passes.
 */
import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './server.ts';

const run = promisify(execFile);

/** The superuser initdb creates: every URL below connects as it. */
export const SUPERUSER = 'postgres';

export interface TestPostgres {
	port: number;
	/** The cluster's directory: data/, the Unix socket, postgres.log. */
	dir: string;
	/** The URL of database `name` (default: the `postgres` maintenance database). */
	url(name?: string): string;
	/** Creates a fresh empty database `lantu_<random>` (or `name`); returns its name. */
	createDatabase(name?: string): Promise<string>;
	/** Drops a database, ending any connection still open to it. */
	dropDatabase(name: string): Promise<void>;
	/** Runs SQL as the superuser through psql; returns its unaligned output. */
	psql(sql: string, database?: string): Promise<string>;
	/** Stops the server (and removes the directory unless it was given, i.e. kept). */
	stop(): Promise<void>;
}

export interface PostgresOptions {
	/** Keep the cluster here between runs (initdb only when empty); default: a temp directory, removed at stop. */
	dir?: string;
	/** Default: a free port. */
	port?: number;
	/** `fast` (default, commits everything) or `immediate` (throwaway data). */
	stopMode?: 'fast' | 'immediate';
	/** Keep fsync on (data that outlives the run); default off, for throwaway test clusters. */
	durable?: boolean;
}

/** Where initdb, pg_ctl and psql live: PG_BINDIR, `pg_config --bindir`, or the newest /usr/lib/postgresql/N/bin. */
export function postgresBinDir(): string | undefined {
	const has = (dir: string | undefined) =>
		dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
	if (process.env.PG_BINDIR) return has(process.env.PG_BINDIR) ? process.env.PG_BINDIR : undefined;
	// pg_config may come from libpq-dev alone, whose bindir has no server: check what it names.
	const config = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
	const fromConfig = config.status === 0 ? config.stdout.trim() : undefined;
	if (has(fromConfig)) return fromConfig;
	const base = '/usr/lib/postgresql';
	const versions = fs.existsSync(base)
		? fs
				.readdirSync(base)
				.filter((v) => /^\d+$/.test(v))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	return versions.map((v) => path.join(base, v, 'bin')).find(has);
}

export const POSTGRES_MISSING =
	'PostgreSQL is not installed (no initdb/pg_ctl found through PG_BINDIR, pg_config or ' +
	'/usr/lib/postgresql/*/bin): the PostgreSQL pass needs a real server — install it with ' +
	'`apt-get install postgresql` (.ci/run does; no system service is needed), or set PG_BINDIR.';

/** initdb refuses to run as root: as root, the cluster's programs run as the `postgres` user. */
function asClusterOwner(
	bin: string,
	program: string,
	args: string[]
): { file: string; args: string[] } {
	const file = path.join(bin, program);
	if (process.getuid?.() !== 0) return { file, args };
	return { file: 'runuser', args: ['-u', SUPERUSER, '--', file, ...args] };
}

async function owned(command: { file: string; args: string[] }, what: string) {
	try {
		await run(command.file, command.args, { encoding: 'utf8' });
	} catch (error) {
		const e = error as { stderr?: string; stdout?: string; message: string };
		throw new Error(`${what} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`, {
			cause: error
		});
	}
}

/** Hands a directory we created to the `postgres` user when we are root (initdb needs to own it). */
function giveToClusterOwner(dir: string) {
	if (process.getuid?.() !== 0) return;
	const user = spawnSync('id', ['-u', SUPERUSER], { encoding: 'utf8' });
	const group = spawnSync('id', ['-g', SUPERUSER], { encoding: 'utf8' });
	if (user.status !== 0) {
		throw new Error(
			`running as root, but there is no '${SUPERUSER}' user to run PostgreSQL as (initdb refuses root): ` +
				"Debian's postgresql package creates it — `apt-get install postgresql`."
		);
	}
	fs.chownSync(dir, Number(user.stdout.trim()), Number(group.stdout.trim()));
}

export async function startPostgres(options: PostgresOptions = {}): Promise<TestPostgres> {
	const bin = postgresBinDir();
	if (!bin) throw new Error(POSTGRES_MISSING);
	const keep = options.dir !== undefined;
	const base = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lantu-pg-'));
	fs.mkdirSync(base, { recursive: true });
	// The socket directory must be writable by the server, the data directory owned by it.
	giveToClusterOwner(base);
	const data = path.join(base, 'data');
	const log = path.join(base, 'postgres.log');
	const port = options.port ?? (await freePort());

	if (!fs.existsSync(path.join(data, 'PG_VERSION'))) {
		await owned(
			asClusterOwner(bin, 'initdb', [
				'--pgdata',
				data,
				'--username',
				SUPERUSER,
				'--auth',
				'trust',
				'--encoding',
				'UTF8',
				'--locale',
				'C',
				'--no-sync'
			]),
			'initdb'
		);
	}
	// A kept cluster still running (its owner was killed before it could stop it): use it as it is.
	const running = runningPort(data);
	if (keep && running !== undefined) return clusterAt(bin, base, data, running, options, keep);
	const settings = [
		`-p ${port}`,
		`-k '${base}'`,
		"-c listen_addresses='127.0.0.1'",
		...(options.durable ? [] : ['-c fsync=off', '-c full_page_writes=off']),
		// Integration files run two at a time, a cluster test holds three instances, each with a pool.
		'-c max_connections=300'
	].join(' ');
	try {
		await owned(
			asClusterOwner(bin, 'pg_ctl', [
				'--pgdata',
				data,
				'--log',
				log,
				'--wait',
				'-o',
				settings,
				'start'
			]),
			'pg_ctl start'
		);
	} catch (error) {
		const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').slice(-2000) : '';
		if (!keep) fs.rmSync(base, { recursive: true, force: true });
		throw new Error(`${(error as Error).message}\n${tail}`, { cause: error });
	}

	return clusterAt(bin, base, data, port, options, keep);
}

/** The port of the server running on `data`, from its postmaster.pid (line 4), if it is alive. */
function runningPort(data: string): number | undefined {
	let lines: string[];
	try {
		lines = fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n');
	} catch {
		return undefined;
	}
	try {
		process.kill(Number(lines[0]), 0);
	} catch (error) {
		// EPERM: alive, but another user's (postgres, when we are root).
		if ((error as NodeJS.ErrnoException).code !== 'EPERM') return undefined;
	}
	const port = Number(lines[3]);
	return Number.isInteger(port) && port > 0 ? port : undefined;
}

function clusterAt(
	bin: string,
	base: string,
	data: string,
	port: number,
	options: PostgresOptions,
	keep: boolean
): TestPostgres {
	const url = (name = 'postgres') => `postgres://${SUPERUSER}@127.0.0.1:${port}/${name}`;
	return {
		port,
		dir: base,
		url,
		psql: (sql, database) => psql(url(database), sql),
		createDatabase: (name) => createDatabase(url(), name),
		dropDatabase: (name) => dropDatabase(url(), name),
		async stop() {
			await owned(
				asClusterOwner(bin, 'pg_ctl', [
					'--pgdata',
					data,
					'--wait',
					'--mode',
					options.stopMode ?? 'fast',
					'stop'
				]),
				'pg_ctl stop'
			);
			if (!keep) fs.rmSync(base, { recursive: true, force: true });
		}
	};
}

/** Runs SQL through psql on `databaseUrl` (trust auth: no password); returns its unaligned output. */
export async function psql(databaseUrl: string, sql: string): Promise<string> {
	const bin = postgresBinDir();
	const binary = bin && fs.existsSync(path.join(bin, 'psql')) ? path.join(bin, 'psql') : 'psql';
	try {
		const { stdout } = await run(
			binary,
			[databaseUrl, '--no-psqlrc', '-v', 'ON_ERROR_STOP=1', '-qAt', '-c', sql],
			{ encoding: 'utf8' }
		);
		return stdout.trim();
	} catch (error) {
		const e = error as { stderr?: string; message: string };
		throw new Error(`psql failed: ${e.stderr || e.message}`, { cause: error });
	}
}

const PLAIN_NAME = /^[a-z_][a-z0-9_]*$/;

/** The URL of database `name` on the server `adminUrl` points at. */
export function databaseUrlOf(adminUrl: string, name: string): string {
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

/** Creates a fresh empty database `lantu_<random>` (or `name`) through the maintenance URL; returns its name. */
export async function createDatabase(
	adminUrl: string,
	name = `lantu_${randomBytes(6).toString('hex')}`
): Promise<string> {
	if (!PLAIN_NAME.test(name)) throw new Error(`not a plain database name: ${name}`);
	// template0: template1 may have a connection open, and CREATE DATABASE then refuses.
	await psql(adminUrl, `CREATE DATABASE ${name} TEMPLATE template0`);
	return name;
}

/** Drops a database, ending any connection still open to it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
	if (!PLAIN_NAME.test(name)) throw new Error(`not a plain database name: ${name}`);
	await psql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
