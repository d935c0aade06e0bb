/**
 * Server configuration from the environment, validated once at start with a readable list of
 * problems (svelte.dev's env.ts pattern). Read through `process.env` rather than `$env` because the
 * collab server in `server/` shares this module. Every variable the server reads is read here.
 *
 * adapter-node's handler reads a few of its own at import (BODY_SIZE_LIMIT, PORT_HEADER, XFF_DEPTH,
 * ADDRESS_HEADER, PROTOCOL_HEADER, HOST_HEADER): server/index.ts sets ADDRESS_HEADER itself and sets
 * PROTOCOL_HEADER/HOST_HEADER when they are not given (both are parsed here so it can tell).
 */
import path from 'node:path';
import { parse as parsePgConnectionString } from 'pg-connection-string';
import { z } from 'zod';
import { parseCidr } from './client-address.ts';
import { isTimeZone } from '../dates.ts';

/**
 * A PostgreSQL connection URL as node-postgres reads it — the check is its own parser, so what
 * passes here is what the client connects to. Besides host[:port] it takes libpq's Unix-socket
 * form, which a WHATWG URL cannot hold: postgres://user@/database?host=/var/run/postgresql.
 */
function isPostgresUrl(value: string): boolean {
	if (!/^postgres(ql)?:\/\//i.test(value)) return false;
	try {
		const parsed = parsePgConnectionString(value);
		return Boolean(parsed.host || parsed.database);
	} catch {
		return false; // e.g. a malformed %-escape
	}
}

/** A URL with one of these schemes; never throws (a refinement runs even after a failed check). */
const urlWithScheme = (scheme: RegExp) => (value: string) =>
	URL.canParse(value) && scheme.test(new URL(value).protocol);

const flag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
	.transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

/** A positive whole number; anything else (e.g. `abc`, `1e999`, `-1`) stops the start. */
const count = z.coerce.number().int().min(1).max(1_000_000_000);

export type TrustProxy =
	{ mode: 'off' } | { mode: 'hops'; hops: number } | { mode: 'list'; entries: string[] };

const trustProxy = z
	.string()
	.trim()
	.transform((value, ctx): TrustProxy => {
		if (['', 'off', 'false', '0', 'no'].includes(value.toLowerCase())) return { mode: 'off' };
		if (/^\d+$/.test(value)) return { mode: 'hops', hops: Number(value) };
		const entries = value.split(',').map((e) => e.trim());
		for (const entry of entries) {
			if (!parseCidr(entry)) {
				ctx.addIssue({
					code: 'custom',
					message: `"${entry}" is neither off, a hop count nor an IP address/CIDR`
				});
				return z.NEVER;
			}
		}
		return { mode: 'list', entries };
	});

/** A header name as adapter-node takes it (it compares in lower case); empty counts as unset. */
const headerName = z
	.string()
	.trim()
	.regex(/^[A-Za-z0-9-]*$/, 'not an HTTP header name')
	.transform((v) => (v === '' ? undefined : v.toLowerCase()));

const schema = z.object({
	/** Where server/index.ts listens (adapter-node's defaults). */
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().trim().min(1).default('0.0.0.0'),
	/** Seconds open requests and sockets get to finish after SIGTERM before the process exits. */
	SHUTDOWN_TIMEOUT: z.coerce.number().min(0).max(3600).default(10),
	/** adapter-node's headers for the protocol and host behind a proxy (see server/index.ts). */
	PROTOCOL_HEADER: headerName.optional(),
	HOST_HEADER: headerName.optional(),
	/** The Chromium that prints PDF exports; default: Debian's /usr/bin/chromium and neighbours. */
	CHROMIUM_PATH: z.string().min(1).optional(),
	/**
	 * The nice value (0–19) of the export worker thread and the Chromium it launches, so exports
	 * yield the CPU to the event loop (src/lib/server/export/priority.ts); 0 = the server's own.
	 */
	EXPORT_NICE: z.coerce.number().int().min(0).max(19).default(10),
	/** The SQL migrations, relative to the project root the process runs from. */
	MIGRATIONS_DIR: z.string().min(1).default('drizzle'),
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_PATH: z.string().min(1).optional(),
	/**
	 * postgres://user[:password]@host[:port]/database (or over a Unix socket,
	 * postgres://user@/database?host=/var/run/postgresql) moves every instance onto one PostgreSQL
	 * (docs/POSTGRES.md); unset: the embedded SQLite file under DATA_DIR.
	 */
	DATABASE_URL: z
		.string()
		.trim()
		.refine((v) => v === '' || isPostgresUrl(v), {
			message:
				'must be postgres://user[:password]@host[:port]/database, or postgres://user@/database?host=/socket/directory'
		})
		.transform((v) => (v === '' ? undefined : v))
		.optional(),
	/** PostgreSQL migrations (DATABASE_URL set), relative to the project root. */
	PG_MIGRATIONS_DIR: z.string().min(1).default('drizzle-pg'),
	/** Seed the demo city into an empty database (DESIGN: 示例市). */
	SEED_DEMO: flag.default(true),
	/**
	 * How many copies of the demo plan the seed writes (same accounts, content and assignments). The
	 * e2e server uses three: the specs that freeze chapters (consultation, workflow) get a plan each.
	 */
	SEED_DEMO_PLANS: z.coerce.number().int().min(1).max(10).default(1),
	/** Public origin, e.g. https://lantu.example.gov.cn; used for invite links and the WebSocket Origin check. */
	ORIGIN: z.url().optional(),
	/** Fractions are allowed (the integration tests end sessions within seconds). */
	SESSION_IDLE_MINUTES: z.coerce
		.number()
		.min(1 / 60)
		.max(7 * 24 * 60)
		.default(120),
	SESSION_ABSOLUTE_HOURS: z.coerce
		.number()
		.min(1 / 3600)
		.max(30 * 24)
		.default(12),
	/** How often live collaboration sockets are checked against their session (idle/absolute expiry). */
	SESSION_SWEEP_SECONDS: z.coerce.number().min(0.2).max(3600).default(30),
	/**
	 * Which proxies may tell us the client's address in X-Forwarded-For: `off` (default: the socket's
	 * peer is the client), a hop count (`1` = one proxy in front, the right-most entry is the client),
	 * or a comma-separated list of proxy addresses/CIDRs (right-most untrusted entry is the client).
	 */
	TRUST_PROXY: trustProxy.default({ mode: 'off' }),
	/** Collaboration sockets one client address may hold (a whole city may sit behind one proxy). */
	COLLAB_MAX_CONNECTIONS_PER_IP: count.default(1000),
	/** Collaboration sockets one user may hold, across sections, tabs and devices. */
	COLLAB_MAX_CONNECTIONS_PER_USER: count.default(20),
	/** Refused (unauthenticated or cross-site) /collab upgrades one address may make per minute. */
	COLLAB_REFUSED_UPGRADES_PER_MINUTE: count.default(120),
	/**
	 * The zone every date is shown and exported in (IANA name); rounds' days begin at its midnight.
	 */
	TIME_ZONE: z
		.string()
		.default('Asia/Shanghai')
		.refine(isTimeZone, { message: 'not an IANA time zone, e.g. Asia/Shanghai' }),
	/**
	 * Public holidays skipped by sign-off deadlines (working days), comma-separated YYYY-MM-DD;
	 * weekends are always skipped.
	 */
	HOLIDAYS: z.string().default(''),
	/**
	 * Test only: lets a signed-in system admin on a loopback address set the clock that deadlines
	 * and reminders read (`/api/test/clock`) and run the reminder sweep on demand. Off in
	 * production; the route answers 404 while it is off.
	 */
	LANTU_TEST_CLOCK: flag.default(false),
	/**
	 * Where 待办 and reminders are e-mailed besides the inbox (nodemailer), e.g.
	 * smtps://user:password@mail.example.gov.cn:465; unset: inbox only.
	 */
	SMTP_URL: z
		.url({ protocol: /^smtps?$/, error: 'an smtp:// or smtps:// URL' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	/** The sender of those e-mails. */
	MAIL_FROM: z.string().trim().min(3).default('蓝图 Lantu <lantu@localhost>'),
	/**
	 * Several instances (docs/DEPLOY.md): redis://[:password@]host:port[/db] (or rediss://) turns on
	 * Hocuspocus's Redis extension and Lantu's own announcements between instances. Unset: one
	 * instance, nothing leaves the process.
	 */
	REDIS_URL: z
		.string()
		.trim()
		.refine(urlWithScheme(/^rediss?:$/), {
			message: 'must be redis://[:password@]host[:port][/db] or rediss://…'
		})
		.or(z.literal('').transform(() => undefined))
		.optional(),
	/** This instance's name in logs and between instances; default host name and process id. */
	INSTANCE_NAME: z
		.string()
		.trim()
		.regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, . _ - (at most 64)')
		.optional(),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	NODE_ENV: z.string().default('production')
});

export type Config = z.infer<typeof schema> & { databasePath: string };

/** Parses an environment (process.env at start; tests pass their own). */
export function parseConfig(environment: Record<string, string | undefined>): Config {
	const parsed = schema.safeParse(environment);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`Invalid environment:\n${problems.join('\n')}`);
	}
	const env = parsed.data;
	return {
		...env,
		databasePath: path.resolve(env.DATABASE_PATH ?? path.join(env.DATA_DIR, 'lantu.db'))
	};
}

export const config: Config = parseConfig(process.env);
