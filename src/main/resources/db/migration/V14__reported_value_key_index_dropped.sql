-- Issue 11: reported_value is written for every value of every file (intake's hot path). Since
-- value_in_force (V5) no query looks its rows up by indicator key: readers reach them by id (through
-- value_in_force and value_conflict) and the Qualità dati conflicts by ente, year and period
-- (reported_value_period_ix, kept). The key index only cost every insert and every commit, its entries
-- scattered over the whole index. Portable SQL (H2 and PostgreSQL).
DROP INDEX reported_value_key_ix;
