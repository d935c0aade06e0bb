import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { PgError } from '../db/pg/bridge.ts';
import { badInputCode, isBadInputError } from './bad-input.ts';

const pg = (code: string) => new PgError({ message: 'refused', code }, 'INSERT INTO t VALUES ($1)');

describe('isBadInputError', () => {
	it('knows PostgreSQL data exceptions and too-large values, also wrapped by drizzle', () => {
		for (const code of ['22021', '22P05', '22003', '22P02', '22007', '54000']) {
			expect(isBadInputError(pg(code)), code).toBe(true);
			expect(badInputCode(pg(code))).toBe(code);
		}
		const wrapped = new DrizzleQueryError('insert into "t" values (?)', [], pg('22021'));
		expect(isBadInputError(wrapped)).toBe(true);
		expect(badInputCode(wrapped)).toBe('22021');
	});

	it('knows SQLite’s own and leaves every other failure a server error', () => {
		const sqlite = (code: string) => Object.assign(new Error(code), { code });
		expect(isBadInputError(sqlite('SQLITE_TOOBIG'))).toBe(true);
		expect(isBadInputError(sqlite('SQLITE_MISMATCH'))).toBe(true);
		for (const error of [
			sqlite('SQLITE_BUSY'),
			sqlite('SQLITE_CONSTRAINT_UNIQUE'),
			pg('23505'),
			pg('08006'),
			pg('57014'),
			new Error('boom'),
			'22021',
			{ sqlState: '22021' },
			null
		])
			expect(isBadInputError(error), String(error)).toBe(false);
	});
});
