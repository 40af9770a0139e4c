-- Issue 12: the indicators marked "Significativo" and the plan's "Storico" sheet (results of
-- earlier years the database does not hold). Portable SQL (H2 and PostgreSQL).

ALTER TABLE indicator ADD COLUMN significant BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE plan_history (
    plan_id      BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    seq          INT NOT NULL,
    history_year INT NOT NULL,
    item_level   VARCHAR(30) NOT NULL,
    code         VARCHAR NOT NULL,
    raw_value    VARCHAR,
    achievement  DECIMAL(30, 12),
    row_no       INT NOT NULL,
    PRIMARY KEY (plan_id, seq)
);
