-- A scorecard row that references an objective may carry a target the objective's result is
-- scored against (Cruscotti.Target, e.g. ">= 95 %"); kept as typed and parsed again on reading.
ALTER TABLE scorecard_row ADD COLUMN target_raw VARCHAR;
