-- The answer view's word index (drizzle/0023_consultation_search.sql). SQLite keeps it in an FTS5
-- table; PostgreSQL has no FTS5, so this is a plain table of the same name and columns — the same
-- `INSERT INTO consultation_opinion_fts (rowid, words) VALUES (?, ?)` works on both. `words` holds
-- an opinion's distinct words (Intl.Segmenter, lower-cased, NFKC), separated by single spaces, and
-- a word matches only whole ("数据" finds 数据共享, not 大数据局), as with FTS5's unicode61:
-- a GIN index over the words as an array answers "has every one of these words".
-- The FTS5 query `consultation_opinion_fts MATCH ?` becomes
--   string_to_array(f.words, ' ') @> lantu_match_words(?)
-- with the same parameter (consultation/search.ts matchExpression: each word double-quoted).
-- The row leaves with its consultation_opinion_index row (SQLite: a trigger; here a foreign key).
CREATE TABLE consultation_opinion_fts (
	rowid bigint PRIMARY KEY REFERENCES consultation_opinion_index (id) ON DELETE CASCADE,
	words text NOT NULL
);
--> statement-breakpoint
CREATE INDEX consultation_opinion_fts_words_idx ON consultation_opinion_fts
	USING gin (string_to_array(words, ' '));
--> statement-breakpoint
-- The words of an FTS5 MATCH expression made by matchExpression(): `"w1" "w2"`, a double quote in
-- a word doubled. Text outside quotes is ignored (matchExpression writes none).
CREATE FUNCTION lantu_match_words(expression text) RETURNS text[]
	LANGUAGE sql IMMUTABLE PARALLEL SAFE
	AS $$
	SELECT coalesce(array_agg(replace(m[1], '""', '"')), '{}')
	FROM regexp_matches(expression, '"((?:[^"]|"")*)"', 'g') AS m
$$;
