CREATE FOREIGN TABLE private.remote_events (id bigint) SERVER warehouse;
