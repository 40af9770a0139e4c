-- Issue 10: one problem type. A problem is placed by cell (monitoring sheets, overrides) or by row and
-- column header (plans); the plan's row and column get their own columns instead of being written into
-- the raw value as "riga 12, colonna Target". Severity stays the enum text already stored (ERRORE, AVVISO).
-- Portable SQL (H2 and PostgreSQL).

ALTER TABLE file_problem ADD COLUMN row_no INT;
ALTER TABLE file_problem ADD COLUMN column_name VARCHAR;

-- Plan problems stored before: raw held "riga N", "colonna X" or "riga N, colonna X" and no value.
UPDATE file_problem
SET row_no = CASE
        WHEN raw LIKE 'riga %, colonna %' THEN CAST(SUBSTRING(raw FROM 6 FOR POSITION(',' IN raw) - 6) AS INT)
        WHEN raw LIKE 'riga %' THEN CAST(SUBSTRING(raw FROM 6) AS INT)
    END,
    column_name = CASE
        WHEN raw LIKE 'riga %, colonna %' THEN SUBSTRING(raw FROM POSITION(', colonna ' IN raw) + 10)
        WHEN raw LIKE 'colonna %' THEN SUBSTRING(raw FROM 9)
    END,
    raw = NULL
WHERE file_id IN (SELECT id FROM submitted_file WHERE kind = 'PLAN')
  AND (raw LIKE 'riga %' OR raw LIKE 'colonna %');
