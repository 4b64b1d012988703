DROP TABLE procedure_search_terms;
DROP TABLE procedure_attachments;
DROP TABLE procedure_review_comments;
DROP TABLE procedure_versions;
DROP TABLE procedures;
DROP TABLE procedure_topics;
