/**
 * Server configuration from the environment, validated once at start with a readable list of
 * problems (svelte.dev's env.ts pattern). Read through `process.env` rather than `$env` because the
 * collab server in `server/` shares this module.
 */
import path from 'node:path';
import { z } from 'zod';
import { isTimeZone } from '../dates.ts';

const flag = z
	.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
	.transform((v) => v === '1' || v === 'true' || v === 'yes' || v === 'on');

const schema = z.object({
	DATA_DIR: z.string().min(1).default('./data'),
	DATABASE_PATH: z.string().min(1).optional(),
	/** Seed the demo city into an empty database (DESIGN: 示例市). */
	SEED_DEMO: flag.default(true),
	/** Public origin, e.g. https://lantu.example.gov.cn; used for invite links and the WebSocket Origin check. */
	ORIGIN: z.url().optional(),
	SESSION_IDLE_MINUTES: z.coerce
		.number()
		.int()
		.min(5)
		.max(7 * 24 * 60)
		.default(120),
	SESSION_ABSOLUTE_HOURS: z.coerce
		.number()
		.int()
		.min(1)
		.max(30 * 24)
		.default(12),
	/**
	 * The zone every date is shown and exported in (IANA name); rounds' days begin at its midnight.
	 */
	TIME_ZONE: z
		.string()
		.default('Asia/Shanghai')
		.refine(isTimeZone, { message: 'not an IANA time zone, e.g. Asia/Shanghai' }),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
	NODE_ENV: z.string().default('production')
});

export type Config = z.infer<typeof schema> & { databasePath: string };

function load(): Config {
	const parsed = schema.safeParse(process.env);
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

export const config: Config = load();
