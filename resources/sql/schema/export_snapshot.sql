-- In the schema read's transaction (after schema/read_settings.sql): its snapshot, for a second
-- connection that reads the other part of schema/model.sql side by side (as pg_dump -j shares
-- one). Fails in a subtransaction; the reader then reads both parts on this connection.
SELECT pg_export_snapshot();
