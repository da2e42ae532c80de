-- The catalog import merges the item search index's pending list once, after its bulk insert (issue
-- 14). gin_clean_pending_list is for the index's owner only, and the service runs as a role that owns
-- nothing (sql/roles.sql), so the owner lends it this one function, which does nothing else.
CREATE FUNCTION "merge_items_search_pending_list"() RETURNS bigint
  LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp
  AS $$ SELECT pg_catalog.gin_clean_pending_list('public.items_search_idx'::regclass) $$;
