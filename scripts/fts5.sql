-- The rows of `jalsa decisions --json` in SQLite FTS5, every column kept,
-- the texts indexed: what jalsa's lookups are measured against. Run after
-- `.import --csv ROWS.csv rows` (scripts/bench-search.sh, bench-start.sh).
CREATE VIRTUAL TABLE d USING fts5(ref UNINDEXED, session UNINDEXED, session_title, date UNINDEXED,
  item UNINDEXED, line UNINDEXED, title, kind UNINDEXED, outcome UNINDEXED, "for" UNINDEXED, against UNINDEXED,
  abstain UNINDEXED, present UNINDEXED, seats UNINDEXED, rule UNINDEXED, explanation UNINDEXED, text, notes,
  amount UNINDEXED, tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO d SELECT * FROM rows;
DROP TABLE rows;
VACUUM;
