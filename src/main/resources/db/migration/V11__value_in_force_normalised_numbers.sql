-- V5 backfilled value_in_force.normalised with CAST(value_number AS VARCHAR), which keeps the
-- column's twelve decimals ('45.000000000000'), while intake compares with the number as Java writes
-- it without trailing zeros ('45'): every number stored before V5 and sent again was recorded as a
-- conflict with itself. Rows written by intake since V5 hold no trailing zeros, so trimming is a
-- no-op for them. TRIM(TRAILING ...) is standard SQL (H2 and PostgreSQL); only numbers with a
-- decimal point are trimmed, first the zeros, then a point left alone at the end.
UPDATE value_in_force
SET normalised = (
    SELECT COALESCE(r.value_kind, '') || '|'
               || CASE
                      WHEN r.value_number IS NULL THEN ''
                      WHEN POSITION('.' IN CAST(r.value_number AS VARCHAR)) = 0 THEN CAST(r.value_number AS VARCHAR)
                      ELSE TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM CAST(r.value_number AS VARCHAR)))
                  END
               || '|' || COALESCE(r.value_unit, '') || '|' || COALESCE(CAST(r.value_date AS VARCHAR), '')
    FROM reported_value r
    WHERE r.id = value_in_force.value_id
);
