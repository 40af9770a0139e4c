-- The value in force per indicator and period, kept by intake as each file is stored, so that
-- checking a new file for conflicts reads one row per value instead of every earlier value.
CREATE TABLE value_in_force (
    ente_id        BIGINT NOT NULL REFERENCES ente (id),
    plan_year      INT NOT NULL,
    period         VARCHAR(10) NOT NULL,
    objective_code VARCHAR NOT NULL,
    indicator_code VARCHAR NOT NULL,
    occurrence     INT NOT NULL,
    value_id       BIGINT NOT NULL REFERENCES reported_value (id),
    normalised     VARCHAR NOT NULL,
    received_at    TIMESTAMP NOT NULL,
    PRIMARY KEY (ente_id, plan_year, period, objective_code, indicator_code, occurrence)
);

INSERT INTO value_in_force (ente_id, plan_year, period, objective_code, indicator_code, occurrence, value_id,
                            normalised, received_at)
SELECT ente_id, plan_year, period, objective_code, indicator_code, occurrence, id,
       COALESCE(value_kind, '') || '|' || COALESCE(CAST(value_number AS VARCHAR), '') || '|'
           || COALESCE(value_unit, '') || '|' || COALESCE(CAST(value_date AS VARCHAR), ''), received_at
FROM (SELECT r.*, ROW_NUMBER() OVER (PARTITION BY ente_id, plan_year, period, objective_code, indicator_code,
             occurrence ORDER BY received_at DESC, id DESC) AS rank_in_key FROM reported_value r) ranked
WHERE rank_in_key = 1;
