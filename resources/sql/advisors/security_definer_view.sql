-- Views of the exposed schemas ($1) that run with their owner's rights (no security_invoker).
SELECT format('%I.%I', n.nspname, c.relname), 'the view bypasses the row level security of what it reads (it runs as its owner)',
       format('ALTER VIEW %I.%I SET (security_invoker = true);', n.nspname, c.relname)
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'v' AND n.nspname = ANY ($1::text[])
  AND NOT coalesce(c.reloptions @> ARRAY['security_invoker=true'] OR c.reloptions @> ARRAY['security_invoker=on']
                   OR c.reloptions @> ARRAY['security_invoker=1'], false)
ORDER BY 1;
