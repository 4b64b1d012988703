ALTER TABLE issues DROP COLUMN app_id;
DROP TABLE api_keys;
DROP TABLE apps;
