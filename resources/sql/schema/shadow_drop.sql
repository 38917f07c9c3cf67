-- Drops a shadow database (schema/shadow_create.sql), also when a connection to it was left open.
DROP DATABASE IF EXISTS :database WITH (FORCE);
