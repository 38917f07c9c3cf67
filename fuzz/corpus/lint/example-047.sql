CREATE TABLE profiles (display_name text CHECK (length(display_name) <= 80));
