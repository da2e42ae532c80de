-- Two roles for running the TORVAN configurator on PostgreSQL (docs/operations.md#database-roles):
--   torvan_owner owns the database and its schema: `torvan db migrate` runs as it.
--   torvan_app   is what the service runs as: it reads and writes rows, and cannot change the schema.
-- Run as a superuser: psql -v ON_ERROR_STOP=1 -f packages/api/sql/roles.sql. Change both passwords.
CREATE ROLE torvan_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE torvan_app LOGIN PASSWORD 'change-me-app';
CREATE DATABASE torvan OWNER torvan_owner;
REVOKE ALL ON DATABASE torvan FROM PUBLIC;
GRANT CONNECT, TEMPORARY ON DATABASE torvan TO torvan_app;
\connect torvan
-- public belongs to the database owner; nobody else creates anything in it
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO torvan_app;
-- whatever the owner creates from now on (tables, and the drizzle and pgboss schemas) the service may use
ALTER DEFAULT PRIVILEGES FOR ROLE torvan_owner GRANT USAGE ON SCHEMAS TO torvan_app;
ALTER DEFAULT PRIVILEGES FOR ROLE torvan_owner GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO torvan_app;
ALTER DEFAULT PRIVILEGES FOR ROLE torvan_owner GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO torvan_app;
ALTER DEFAULT PRIVILEGES FOR ROLE torvan_owner GRANT EXECUTE ON FUNCTIONS TO torvan_app;
