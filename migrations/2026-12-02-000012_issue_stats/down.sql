DROP INDEX issues_support_leaders;
DROP TABLE issue_stats;
