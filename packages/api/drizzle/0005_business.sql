CREATE TYPE "public"."customer_status" AS ENUM('ACTIVE', 'INACTIVE', 'BLOCKED');--> statement-breakpoint
CREATE TYPE "public"."order_language" AS ENUM('EN', 'FR', 'SP');--> statement-breakpoint
CREATE TYPE "public"."order_type" AS ENUM('STANDARD', 'CUSTOM', 'RUSH', 'PROTOTYPE');--> statement-breakpoint
CREATE TABLE "archived_rows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "archived_rows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"subject" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"data" jsonb NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retention_rules" (
	"subject" text PRIMARY KEY NOT NULL,
	"keep_for" interval NOT NULL,
	"archive" boolean DEFAULT true NOT NULL,
	"description" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "user_agent" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "contact_name" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "billing_address" jsonb;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "shipping_address" jsonb;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "payment_terms_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "tax_exempt" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "erp_id" text;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "status" "customer_status" DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(coalesce("code", '') || ' ' || "name" || ' ' || coalesce("contact_name", ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "order_items" ADD COLUMN "unit_price" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "type" "order_type" DEFAULT 'STANDARD' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "order_date" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "promised_date" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "delivered_date" date;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "assignee_id" integer;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "language" "order_language" DEFAULT 'EN' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "special_instructions" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "currency" text DEFAULT 'USD' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_percent" numeric(5, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_rate_percent" numeric(6, 3) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_amount" numeric(14, 4) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "subtotal" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "discount_amount" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "tax_amount" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "total" numeric(14, 4);--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "priced_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "price_lists" ADD COLUMN "custom_parts" jsonb;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "last_login_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "archived_rows_entity_idx" ON "archived_rows" USING btree ("entity","entity_id");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id","id");--> statement-breakpoint
CREATE INDEX "customers_search_idx" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "orders_due_idx" ON "orders" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_code_unique" UNIQUE("code");--> statement-breakpoint
ALTER TABLE "customers" ADD CONSTRAINT "customers_payment_terms_check" CHECK ("customers"."payment_terms_days" between 0 and 365);--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_requested_date_check" CHECK ("orders"."requested_date" is null or "orders"."requested_date" >= "orders"."order_date");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_due_date_check" CHECK ("orders"."due_date" is null or ("orders"."due_date" >= "orders"."order_date" and ("orders"."requested_date" is null or "orders"."due_date" >= "orders"."requested_date")));--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_promised_date_check" CHECK ("orders"."promised_date" is null or "orders"."promised_date" >= "orders"."order_date");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_delivered_date_check" CHECK ("orders"."delivered_date" is null or "orders"."delivered_date" >= "orders"."order_date");--> statement-breakpoint
ALTER TABLE "orders" ADD CONSTRAINT "orders_money_check" CHECK ("orders"."discount_percent" between 0 and 100 and "orders"."tax_rate_percent" between 0 and 100 and "orders"."shipping_amount" >= 0);