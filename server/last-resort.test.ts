import { describe, expect, it } from 'vitest';
import { verdict } from './last-resort.ts';

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
