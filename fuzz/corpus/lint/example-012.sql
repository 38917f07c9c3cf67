CREATE TABLE countries (code char(2) PRIMARY KEY);
