-- As the signed-in user: how many rows of :relation (quoted) it sees of its own ($1) and of the
-- other user's ($2). psql: \set relation public.daily_usage
SELECT count(*) FILTER (WHERE user_id = $1::uuid), count(*) FILTER (WHERE user_id = $2::uuid)
FROM :relation WHERE user_id IN ($1::uuid, $2::uuid);
