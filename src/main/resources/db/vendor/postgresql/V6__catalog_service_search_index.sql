-- Trigram index for the service search (search_text like '%word%'); pg_trgm is a trusted
-- extension, so the database owner may create it.
create extension if not exists pg_trgm;
create index services_search_trigrams on services using gin (search_text gin_trgm_ops);
