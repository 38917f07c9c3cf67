CREATE TABLE notes (id bigint PRIMARY KEY);
CREATE FUNCTION note_count() RETURNS bigint LANGUAGE sql SET search_path = '' AS 'SELECT count(*) FROM public.notes';
-- down:
DROP TABLE notes;
