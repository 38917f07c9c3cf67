-- One row per version: its newest attempt (up, down or repair) and, when that is not it, its
-- newest successful up (the usual case needs one sort, not two). For each, the transaction that
-- wrote it and the digest of the statements it recorded, by which the status recognises the
-- history rows this console's applies wrote.
SELECT a.version, a.direction, a.outcome, a.checksum, (date_part('epoch', a.finished_at) * 1000)::bigint,
       a.actor, a.error, a.direction = 'up' AND a.outcome = 'succeeded',
       u.checksum, (date_part('epoch', u.finished_at) * 1000)::bigint, u.actor, a.failed_statement,
       a.transaction_id, a.statements_digest, u.transaction_id, u.statements_digest
FROM (SELECT DISTINCT ON (version) version, direction, outcome, checksum, finished_at, actor, error,
             failed_statement, transaction_id, statements_digest
      FROM atlas_console.migration_audit
      WHERE direction IN ('up', 'down', 'repair')
      ORDER BY version, id DESC) AS a
LEFT JOIN LATERAL (SELECT checksum, finished_at, actor, transaction_id, statements_digest
                   FROM atlas_console.migration_audit AS x
                   WHERE NOT (a.direction = 'up' AND a.outcome = 'succeeded') AND x.version = a.version
                     AND x.direction = 'up' AND x.outcome = 'succeeded'
                   ORDER BY x.id DESC LIMIT 1) AS u ON true;
