-- Trigram indexes without a pending list: with fastupdate on, new rows wait in an unsorted list that
-- every search reads until a vacuum merges it (issue 14 measured 6-33 ms per search after a bulk load);
-- orders and customers are written one at a time, so the index is updated as they are written.
DROP INDEX "customers_search_idx";--> statement-breakpoint
DROP INDEX "orders_search_idx";--> statement-breakpoint
DROP INDEX "orders_number_trgm_idx";--> statement-breakpoint
DROP INDEX "orders_po_number_trgm_idx";--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "orders_search_idx" ON "orders" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "orders_number_trgm_idx" ON "orders" USING gin ("number" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
CREATE INDEX "orders_po_number_trgm_idx" ON "orders" USING gin ("po_number" gin_trgm_ops) WITH (fastupdate=false);