-- The session back as it was when the connection was made: what a migration SET (a search_path,
-- timeouts, a role) and the engine's own session limits. RESET ALL leaves the role and the
-- session authorization alone, so they are reset first. Inside a transaction it takes effect at
-- COMMIT, and a rollback undoes it with the rest.
RESET SESSION AUTHORIZATION;
RESET ROLE;
RESET ALL;
