CREATE TABLE profiles (display_name varchar(80));
