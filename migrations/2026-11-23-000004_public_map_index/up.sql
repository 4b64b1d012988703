-- The public map filters by place and, for anonymous visitors, by a moving window of recent
-- days (R2.6). With both in one GiST index (btree_gist supplies the timestamp operator class)
-- old issues are skipped inside the index instead of being fetched and discarded: on
-- 1,000,000 issues a district-sized box reads ~2,600 buffers instead of ~17,000
-- (bench/RESULTS.md).
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE INDEX issues_public_map ON issues USING gist (location, created_at) WHERE moderation = 'approved';
DROP INDEX issues_public_location;
