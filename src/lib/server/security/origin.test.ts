import { describe, expect, it } from 'vitest';
import { originRefusal } from './origin.ts';

const OWN = 'https://lantu.example.gov.cn';

describe('originRefusal', () => {
	it('lets reads through whatever their origin', () => {
		expect(originRefusal('GET', 'https://evil.example', OWN)).toBeNull();
		expect(originRefusal('HEAD', null, OWN)).toBeNull();
	});

	it('requires our own origin on every state-changing method', () => {
		for (const method of ['POST', 'put', 'PATCH', 'DELETE']) {
			expect(originRefusal(method, OWN, OWN)).toBeNull();
			expect(originRefusal(method, 'https://evil.example', OWN)).toBe('origin not allowed');
			expect(originRefusal(method, 'null', OWN)).toBe('origin not allowed');
			expect(originRefusal(method, `${OWN}.evil.example`, OWN)).toBe('origin not allowed');
			expect(originRefusal(method, null, OWN)).toBe('origin missing');
		}
	});

	it('lets anyone POST a file to /verify, which changes nothing and reads no cookie', () => {
		expect(originRefusal('POST', null, OWN, '/verify')).toBeNull();
		expect(originRefusal('POST', 'https://evil.example', OWN, '/verify')).toBeNull();
		expect(originRefusal('DELETE', null, OWN, '/verify')).toBe('origin missing');
		expect(originRefusal('POST', null, OWN, '/verify/x')).toBe('origin missing');
	});
});
