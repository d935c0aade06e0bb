import { describe, expect, it } from 'vitest';
import { redact } from './bridge.ts';

describe('redact (how logs name the database)', () => {
	it('never shows the password', () => {
		expect(redact('postgres://lantu:s3cret@db.example:5433/plans')).toBe(
			'postgres://lantu@db.example:5433/plans'
		);
		expect(redact('postgresql://lantu:s3cret@db.example/plans')).not.toContain('s3cret');
	});

	it('names a Unix socket directory as libpq writes it', () => {
		expect(redact('postgres://lantu:pw@/plans?host=/var/run/postgresql')).toBe(
			'postgres://lantu@/plans?host=/var/run/postgresql'
		);
	});
});
