CREATE INDEX issues_public_location ON issues USING gist (location) WHERE moderation = 'approved';
DROP INDEX issues_public_map;
