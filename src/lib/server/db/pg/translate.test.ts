import { describe, expect, it } from 'vitest';
import { translate } from './translate.ts';

describe('SQLite-dialect SQL for PostgreSQL', () => {
	it('numbers positional placeholders, leaving strings, identifiers and comments alone', () => {
		const t = translate(`select "a?" , '?''?' from t -- what?\nwhere x = ? /* ? */ and y = ?`);
		expect(t.text).toBe(`select "a?" , '?''?' from t -- what?\nwhere x = $1 /* ? */ and y = $2`);
		expect(t.params).toBe(2);
	});

	it('binds named placeholders once each, in first-use order, and keeps casts and $1', () => {
		const t = translate('select @round, :clause, $stance, @round, x::text, $1 from t');
		expect(t.text).toBe('select $1, $2, $3, $1, x::text, $1 from t');
		expect(t.names).toEqual(['round', 'clause', 'stance']);
	});

	it('quotes camelCase aliases only (PostgreSQL folds the rest the same way SQLite reads them)', () => {
		const t = translate(
			'select a AS threadId, b as id, cast(c AS TEXT), d as publicCommentId from t'
		);
		expect(t.text).toBe(
			'select a AS "threadId", b as id, cast(c AS TEXT), d as "publicCommentId" from t'
		);
	});

	it('turns INSERT OR IGNORE into ON CONFLICT DO NOTHING, before RETURNING', () => {
		expect(translate('INSERT OR IGNORE INTO t (a) VALUES (?)').text).toBe(
			'INSERT INTO t (a) VALUES ($1) ON CONFLICT DO NOTHING'
		);
		expect(translate('insert or ignore into t (a) values (?) returning id;').text).toBe(
			'insert into t (a) values ($1) ON CONFLICT DO NOTHING returning id'
		);
	});

	it('reports an INSERT into a table with an integer id and no RETURNING', () => {
		const ids = new Set(['document_updates']);
		expect(translate('insert into "document_updates" ("name") values (?)', ids).insertInto).toBe(
			'document_updates'
		);
		expect(
			translate('INSERT INTO document_updates (name) VALUES (?) RETURNING id', ids).insertInto
		).toBe(undefined);
		expect(translate('insert into "sessions" ("id") values (?)', ids).insertInto).toBe(undefined);
	});

	it('leaves the conflict target unqualified', () => {
		expect(
			translate(
				'insert into "p" ("a") values (?) on conflict ("p"."a", "p"."b") do update set "a" = ?'
			).text
		).toBe('insert into "p" ("a") values ($1) on conflict ("a", "b") do update set "a" = $2');
	});
});
