ALTER TABLE daily_usage ADD PRIMARY KEY (id);
