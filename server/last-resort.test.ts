import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verdict } from './last-resort.ts';

const NODE = path.resolve(import.meta.dirname, '../node_modules/.bin/node');
const MODULE = pathToFileURL(path.resolve(import.meta.dirname, 'last-resort.ts')).href;

/** Runs `body` in a fresh Node 24 process with the last resort installed; its exit code and log. */
function runWithLastResort(body: string) {
	const script = `
		import pino from 'pino';
		import { installLastResort } from '${MODULE}';
		installLastResort(pino());
		${body}`;
	const result = spawnSync(NODE, ['--input-type=module', '-e', script], {
		cwd: path.resolve(import.meta.dirname, '..'),
		encoding: 'utf8',
		timeout: 20_000
	});
	return { code: result.status, log: result.stdout + result.stderr };
}

function errno(code: string, syscall?: string): Error {
	return Object.assign(new Error(code), { code, syscall });
}

describe('last-resort verdict', () => {
	it('serves on after a network error of one socket', () => {
		expect(verdict(errno('ECONNRESET', 'read'))).toBe('continue');
		expect(verdict(errno('EPIPE', 'write'))).toBe('continue');
		expect(verdict(errno('ECONNABORTED', 'writev'))).toBe('continue');
	});

	it('exits on anything it cannot attribute to one connection', () => {
		expect(verdict(new TypeError('Invalid URL'))).toBe('exit');
		expect(verdict(new URIError('URI malformed'))).toBe('exit');
		expect(verdict(errno('SQLITE_FULL'))).toBe('exit');
		expect(verdict(errno('ECONNRESET'))).toBe('exit'); // no socket syscall: not provably a socket
		expect(verdict(errno('ENOSPC', 'write'))).toBe('exit');
		expect(verdict('a string')).toBe('exit');
		expect(verdict(undefined)).toBe('exit');
	});
});

describe('last resort in a real process', () => {
	it('logs a socket error and serves on; logs an unknown error as fatal and exits with 1', () => {
		const { code, log } = runWithLastResort(`
			const reset = Object.assign(new Error('peer gone'), { code: 'ECONNRESET', syscall: 'read' });
			setTimeout(() => { throw reset; }, 10);
			setTimeout(() => console.log('STILL SERVING'), 60);
			setTimeout(() => { void Promise.reject(new Error('unknown bug')); }, 120);
			setTimeout(() => console.log('NOT REACHED'), 2000);`);
		expect(code).toBe(1);
		expect(log).toContain('serving on');
		expect(log).toContain('STILL SERVING');
		expect(log).toMatch(/"level":60.*unknown bug/);
		expect(log).not.toContain('NOT REACHED');
	});
});
