-- last_attempts.sql for an audit table written by an older console, before it kept the writing
-- transaction and the statements digest (read-only, so the columns cannot be added first): the
-- same rows, those four columns NULL.
SELECT a.version, a.direction, a.outcome, a.checksum, (date_part('epoch', a.finished_at) * 1000)::bigint,
       a.actor, a.error, a.direction = 'up' AND a.outcome = 'succeeded',
       u.checksum, (date_part('epoch', u.finished_at) * 1000)::bigint, u.actor, a.failed_statement,
       NULL::text, NULL::text, NULL::text, NULL::text
FROM (SELECT DISTINCT ON (version) version, direction, outcome, checksum, finished_at, actor, error, failed_statement
      FROM atlas_console.migration_audit
      WHERE direction IN ('up', 'down', 'repair')
      ORDER BY version, id DESC) AS a
LEFT JOIN LATERAL (SELECT checksum, finished_at, actor
                   FROM atlas_console.migration_audit AS x
                   WHERE NOT (a.direction = 'up' AND a.outcome = 'succeeded') AND x.version = a.version
                     AND x.direction = 'up' AND x.outcome = 'succeeded'
                   ORDER BY x.id DESC LIMIT 1) AS u ON true;
