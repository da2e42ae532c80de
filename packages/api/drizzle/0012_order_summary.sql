CREATE INDEX "orders_late_idx" ON "orders" USING btree ("due_date","id") WHERE "orders"."phase" not in ('SHIPPING', 'DELIVERED', 'CANCELLED');--> statement-breakpoint
CREATE INDEX "orders_phase_since_idx" ON "orders" USING btree ("phase_since","id");--> statement-breakpoint
CREATE INDEX "orders_priority_idx" ON "orders" USING btree ("priority","id");--> statement-breakpoint
CREATE INDEX "orders_phase_priority_idx" ON "orders" USING btree ("phase","priority","id");--> statement-breakpoint
CREATE INDEX "orders_total_idx" ON "orders" USING btree ("total" DESC NULLS LAST,"id" DESC NULLS FIRST);