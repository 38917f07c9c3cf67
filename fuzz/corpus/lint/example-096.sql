SET search_path = app, public;
