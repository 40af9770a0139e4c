-- Issue 11: a unit's workbook reads the problems of the files that unit sent for the period, one unit at a
-- time (a period's problems may not fit in memory at once): the unit's files are found by this index.
CREATE INDEX submitted_file_unit_ix ON submitted_file (unit_code, period);
