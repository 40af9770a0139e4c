-- Issue 11: a conflict between two values carries the ente, year and period of its values, with an index, so the
-- Qualità dati conflicts of a period are found among that period's conflicts. V20 dropped reported_value's period
-- index: the query started from every conflict ever recorded, and H2 chose a scan of every stored value once
-- conflicts were about a quarter of them. Earlier conflicts get their winner's (both values share the key).
-- Portable SQL (H2 and PostgreSQL).
ALTER TABLE value_conflict ADD COLUMN ente_id BIGINT;
ALTER TABLE value_conflict ADD COLUMN plan_year INT;
ALTER TABLE value_conflict ADD COLUMN period VARCHAR(10);
UPDATE value_conflict SET
    ente_id = (SELECT w.ente_id FROM reported_value w WHERE w.id = value_conflict.winner_id),
    plan_year = (SELECT w.plan_year FROM reported_value w WHERE w.id = value_conflict.winner_id),
    period = (SELECT w.period FROM reported_value w WHERE w.id = value_conflict.winner_id);
ALTER TABLE value_conflict ALTER COLUMN ente_id SET NOT NULL;
ALTER TABLE value_conflict ALTER COLUMN plan_year SET NOT NULL;
ALTER TABLE value_conflict ALTER COLUMN period SET NOT NULL;
CREATE INDEX value_conflict_period_ix ON value_conflict (ente_id, plan_year, period);
