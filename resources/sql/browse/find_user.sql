-- A user of auth.users by id or e-mail ($1), for "view as".
SELECT id::text, coalesce(email, '') FROM auth.users WHERE id::text = $1 OR lower(email) = lower($1) LIMIT 1;
