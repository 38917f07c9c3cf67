-- Two throwaway users, $1 and $2, inside the test's transaction (rolled back).
INSERT INTO auth.users (id, email) VALUES ($1, 'rls-check-a@atlas.invalid'), ($2, 'rls-check-b@atlas.invalid');
