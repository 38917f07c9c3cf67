-- atlas:ignore ban-drop-table kept for history
CREATE TABLE notes (id bigint PRIMARY KEY);
