ALTER TABLE "orders" ADD COLUMN "carrier" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "ship_date" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_date" date;