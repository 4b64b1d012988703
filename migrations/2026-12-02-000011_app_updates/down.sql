DROP TABLE app_updates;
