-- Issue 11: reported_value_period_ix (V4) was the last index of reported_value besides its primary key, one
-- more B-tree entry for every value of every file, written at intake and again at every file's commit. Its
-- only reader was the Qualità dati conflicts, which start from value_conflict (a handful of rows) and reach
-- both values by id: with the index the database scanned every value of the period instead. Portable SQL
-- (H2 and PostgreSQL).
DROP INDEX reported_value_period_ix;
