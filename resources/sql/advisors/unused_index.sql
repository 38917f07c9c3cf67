-- Indexes of the exposed schemas ($1) never scanned since the statistics were reset (not primary
-- keys nor unique: those enforce something).
SELECT format('%I.%I', s.schemaname, s.indexrelname), format('never used on %I.%I since the statistics were reset', s.schemaname, s.relname),
       format('DROP INDEX CONCURRENTLY %I.%I;', s.schemaname, s.indexrelname)
FROM pg_stat_user_indexes s
JOIN pg_index x ON x.indexrelid = s.indexrelid
WHERE s.idx_scan = 0 AND NOT x.indisunique AND NOT x.indisprimary AND s.schemaname = ANY ($1::text[])
ORDER BY 1;
