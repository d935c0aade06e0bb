/**
 * SQLite-dialect SQL → PostgreSQL. drizzle's SQLite dialect (and Lantu's few raw statements) build
 * the SQL; PostgreSQL accepts nearly all of it once its positional `?` become `$1, $2, …`. What
 * else differs is bridged in the database itself (drizzle-pg: `unixepoch()`, the fill-id triggers)
 * rather than by rewriting SQL here, so this stays a tokenizer, not a second SQL dialect.
 */

export interface Translated {
	text: string;
	/** How many `?` placeholders the statement has. */
	params: number;
	/**
	 * Named placeholders (`@name`, `:name`, `$name`, as better-sqlite3 binds them from an object),
	 * in `$n` order; empty when the statement uses `?`.
	 */
	names: string[];
	/**
	 * The table an INSERT writes when it has an integer `id` and no RETURNING clause: the bridge
	 * adds `RETURNING "id"` to report `lastInsertRowid` as better-sqlite3 does.
	 */
	insertInto?: string;
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;

/**
 * Replaces each `?` and named placeholder outside strings, quoted identifiers and comments with
 * `$n`; quotes camelCase aliases (`AS threadId`: PostgreSQL folds unquoted names to lower case,
 * SQLite keeps them as written); turns `INSERT OR IGNORE` into `ON CONFLICT DO NOTHING`.
 */
export function translate(sql: string, idTables: ReadonlySet<string> = new Set()): Translated {
	let out = '';
	let n = 0;
	let i = 0;
	const names: string[] = [];
	while (i < sql.length) {
		const c = sql[i];
		if (c === "'" || c === '"' || c === '`') {
			const end = closing(sql, i, c);
			out += sql.slice(i, end);
			i = end;
		} else if (c === '-' && sql[i + 1] === '-') {
			const end = sql.indexOf('\n', i);
			const stop = end === -1 ? sql.length : end;
			out += sql.slice(i, stop);
			i = stop;
		} else if (c === '/' && sql[i + 1] === '*') {
			const end = sql.indexOf('*/', i + 2);
			const stop = end === -1 ? sql.length : end + 2;
			out += sql.slice(i, stop);
			i = stop;
		} else if (c === '?') {
			out += `$${++n}`;
			i += 1;
		} else if ((c === '@' || c === ':' || c === '$') && sql[i - 1] !== ':' && sql[i + 1] !== ':') {
			IDENT.lastIndex = i + 1;
			const name = IDENT.exec(sql)?.[0];
			if (name) {
				let index = names.indexOf(name);
				if (index === -1) index = names.push(name) - 1;
				out += `$${index + 1}`;
				i += 1 + name.length;
			} else {
				out += c;
				i += 1;
			}
		} else if (
			/[Aa]/.test(c) &&
			/^as\s/i.test(sql.slice(i, i + 3)) &&
			!/[A-Za-z0-9_]/.test(sql[i - 1] ?? ' ')
		) {
			const alias = /^(as\s+)([A-Za-z_][A-Za-z0-9_]*)/i.exec(sql.slice(i));
			if (alias && /[a-z]/.test(alias[2]) && /[A-Z]/.test(alias[2])) {
				out += `${alias[1]}"${alias[2]}"`;
				i += alias[0].length;
			} else {
				out += c;
				i += 1;
			}
		} else {
			out += c;
			i += 1;
		}
	}
	const ignore = /^(\s*insert)\s+or\s+ignore(\s+into\b)/i.exec(out);
	if (ignore) {
		const body = out.slice(ignore[0].length).replace(/;\s*$/, '');
		const returning = /\sreturning\s[^'"]*$/i.exec(body);
		out =
			ignore[1] +
			ignore[2] +
			(returning
				? `${body.slice(0, returning.index)} ON CONFLICT DO NOTHING${body.slice(returning.index)}`
				: `${body} ON CONFLICT DO NOTHING`);
	}
	// SQLite takes `ON CONFLICT ("t"."a", "t"."b")` (drizzle writes it so); PostgreSQL wants bare columns.
	out = out.replace(
		/(\bon\s+conflict\s*\()([^)]*)\)/gi,
		(_, head: string, target: string) => `${head}${target.replace(/"[^"]+"\./g, '')})`
	);
	const insert = /^\s*insert\s+into\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i.exec(out);
	const insertInto =
		insert && idTables.has(insert[1]) && !/\breturning\b/i.test(out) ? insert[1] : undefined;
	return { text: out, params: n, names, insertInto };
}

/** The index just past the quote that closes the one at `start` (doubled quotes escape). */
function closing(sql: string, start: number, quote: string): number {
	let i = start + 1;
	while (i < sql.length) {
		if (sql[i] === quote) {
			if (sql[i + 1] === quote) i += 2;
			else return i + 1;
		} else i += 1;
	}
	return sql.length;
}
