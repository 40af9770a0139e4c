-- Intake stores one file per transaction; without a cache H2 writes the identity sequence of
-- reported_value to disk every 32 ids, inside those commits. A crash may leave a gap in the ids,
-- which nothing reads as meaningful.
ALTER TABLE reported_value ALTER COLUMN id SET CACHE 1000;
