import { describe, expect, it } from 'vitest';
import { clientAddress, parseCidr } from './client-address.ts';

describe('clientAddress', () => {
	it('ignores X-Forwarded-For unless a proxy is trusted', () => {
		expect(clientAddress('10.0.0.5', '1.2.3.4', { mode: 'off' })).toBe('10.0.0.5');
		expect(clientAddress('::ffff:10.0.0.5', undefined, { mode: 'off' })).toBe('10.0.0.5');
	});

	it('with a hop count, takes the entry that many from the right', () => {
		expect(clientAddress('10.0.0.1', '6.6.6.6, 1.2.3.4', { mode: 'hops', hops: 1 })).toBe(
			'1.2.3.4'
		);
		expect(clientAddress('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.0.0.2', { mode: 'hops', hops: 2 })).toBe(
			'1.2.3.4'
		);
		expect(clientAddress('10.0.0.1', undefined, { mode: 'hops', hops: 1 })).toBe('10.0.0.1');
		expect(clientAddress('10.0.0.1', 'garbage', { mode: 'hops', hops: 1 })).toBe('10.0.0.1');
	});

	it('with a list, walks past trusted proxies only, and never believes an untrusted peer', () => {
		const trust = { mode: 'list' as const, entries: ['10.0.0.0/8', '::1'] };
		expect(clientAddress('10.0.0.1', '6.6.6.6, 1.2.3.4, 10.9.9.9', trust)).toBe('1.2.3.4');
		expect(clientAddress('::1', '1.2.3.4', trust)).toBe('1.2.3.4');
		// The peer itself is not a trusted proxy: its header is the client's own invention.
		expect(clientAddress('8.8.8.8', '1.2.3.4', trust)).toBe('8.8.8.8');
		// Everything trusted: the left-most is the best we know.
		expect(clientAddress('10.0.0.1', '10.0.0.7', trust)).toBe('10.0.0.7');
		expect(clientAddress('10.0.0.1', 'x, 10.0.0.7', trust)).toBe('10.0.0.7');
	});

	it('parses addresses and CIDRs, refusing anything else', () => {
		expect(parseCidr('10.0.0.0/8')).toEqual({ address: '10.0.0.0', prefix: 8, family: 'ipv4' });
		expect(parseCidr('::1')).toEqual({ address: '::1', prefix: 128, family: 'ipv6' });
		for (const bad of ['10.0.0.0/33', 'example.org', '10.0.0.0/8/1', '1.2.3.4/x', ''])
			expect(parseCidr(bad), bad).toBeUndefined();
	});
});
