-- trigram indexes for the order search (PGlite loads the extension itself; PostgreSQL ships it in contrib)
CREATE EXTENSION IF NOT EXISTS pg_trgm;
