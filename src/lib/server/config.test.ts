import { describe, expect, it } from 'vitest';
import { parseConfig } from './config.ts';

/** The message a bad environment stops the start with. */
function problem(environment: Record<string, string>): string {
	try {
		parseConfig(environment);
	} catch (error) {
		return (error as Error).message;
	}
	throw new Error('the environment was accepted');
}

describe('parseConfig', () => {
	it('gives the defaults for an empty environment', () => {
		const config = parseConfig({});
		expect(config.PORT).toBe(3000);
		expect(config.HOST).toBe('0.0.0.0');
		expect(config.SHUTDOWN_TIMEOUT).toBe(10);
		expect(config.MIGRATIONS_DIR).toBe('drizzle');
		expect(config.COLLAB_MAX_CONNECTIONS_PER_IP).toBe(1000);
		expect(config.PROTOCOL_HEADER).toBeUndefined();
		expect(config.CHROMIUM_PATH).toBeUndefined();
	});

	it('takes an smtp(s) URL for e-mail, refuses any other, and keeps the test clock off', () => {
		expect(parseConfig({ SMTP_URL: 'smtps://u:p@mail.example.gov.cn:465' }).SMTP_URL).toBe(
			'smtps://u:p@mail.example.gov.cn:465'
		);
		expect(parseConfig({ SMTP_URL: '' }).SMTP_URL).toBeUndefined();
		expect(problem({ SMTP_URL: 'https://mail.example.gov.cn' })).toMatch(/SMTP_URL: /);
		expect(parseConfig({}).LANTU_TEST_CLOCK).toBe(false);
	});

	it('stops on a non-numeric cap instead of turning it off (NaN)', () => {
		expect(problem({ COLLAB_MAX_CONNECTIONS_PER_IP: 'lots' })).toMatch(
			/Invalid environment:\n\s+COLLAB_MAX_CONNECTIONS_PER_IP: /
		);
	});

	it('names every bad variable', () => {
		const message = problem({ PORT: '80a', SHUTDOWN_TIMEOUT: '-1', LOG_LEVEL: 'loud' });
		expect(message).toMatch(/^\s+PORT: /m);
		expect(message).toMatch(/^\s+SHUTDOWN_TIMEOUT: /m);
		expect(message).toMatch(/^\s+LOG_LEVEL: /m);
	});

	it('refuses a port out of range and a header name with spaces', () => {
		expect(problem({ PORT: '70000' })).toMatch(/PORT: /);
		expect(problem({ PROTOCOL_HEADER: 'x forwarded proto' })).toMatch(/PROTOCOL_HEADER: /);
	});

	it('reads the values it is given', () => {
		const config = parseConfig({
			PORT: '8080',
			SHUTDOWN_TIMEOUT: '2.5',
			PROTOCOL_HEADER: 'X-Forwarded-Proto',
			HOST_HEADER: '',
			CHROMIUM_PATH: '/opt/chromium'
		});
		expect(config.PORT).toBe(8080);
		expect(config.SHUTDOWN_TIMEOUT).toBe(2.5);
		expect(config.PROTOCOL_HEADER).toBe('x-forwarded-proto');
		expect(config.HOST_HEADER).toBeUndefined();
		expect(config.CHROMIUM_PATH).toBe('/opt/chromium');
	});

	it('takes a redis:// or rediss:// REDIS_URL and refuses any other scheme', () => {
		expect(parseConfig({}).REDIS_URL).toBeUndefined();
		expect(parseConfig({ REDIS_URL: 'redis://127.0.0.1:6380' }).REDIS_URL).toBe(
			'redis://127.0.0.1:6380'
		);
		expect(parseConfig({ REDIS_URL: 'rediss://:secret@cache.example:6379/2' }).REDIS_URL).toBe(
			'rediss://:secret@cache.example:6379/2'
		);
		expect(problem({ REDIS_URL: 'http://127.0.0.1:6379' })).toContain('REDIS_URL');
		expect(parseConfig({ REDIS_URL: '' }).REDIS_URL).toBeUndefined();
		expect(problem({ INSTANCE_NAME: 'a b' })).toContain('INSTANCE_NAME');
	});

	it('takes a PostgreSQL URL with a host or a Unix socket directory', () => {
		expect(parseConfig({}).DATABASE_URL).toBeUndefined();
		expect(parseConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
		for (const url of [
			'postgres://lantu:secret@db.example:5432/lantu',
			'postgresql://lantu@10.0.0.5/lantu',
			// libpq's socket form (Debian's default local connection), which a WHATWG URL cannot hold
			'postgres://lantu@/lantu?host=/var/run/postgresql',
			'postgres://lantu@localhost/lantu?host=%2Fvar%2Frun%2Fpostgresql'
		])
			expect(parseConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
	});

	// A refinement that threw (new URL on a malformed value) used to end the start with a bare
	// "TypeError: Invalid URL" stack instead of naming the variable.
	it('names a malformed DATABASE_URL or REDIS_URL instead of throwing a stack', () => {
		for (const url of ['foo', 'mysql://x@y/z', 'postgres:/db/lantu', 'http://db/lantu'])
			expect(problem({ DATABASE_URL: url })).toMatch(/DATABASE_URL: must be postgres:\/\//);
		for (const url of ['foo', 'redis//cache', '://'])
			expect(problem({ REDIS_URL: url })).toMatch(/REDIS_URL: must be redis:\/\//);
	});
});
