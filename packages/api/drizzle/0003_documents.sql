CREATE TYPE "public"."document_access" AS ENUM('INTERNAL', 'RESTRICTED', 'CONFIDENTIAL');--> statement-breakpoint
CREATE TYPE "public"."document_status" AS ENUM('DRAFT', 'APPROVED', 'OBSOLETE');--> statement-breakpoint
CREATE TYPE "public"."document_type" AS ENUM('WORK_INSTRUCTION', 'SPECIFICATION', 'DRAWING', 'PHOTO', 'MANUAL', 'CERTIFICATE', 'OTHER');--> statement-breakpoint
CREATE TABLE "document_versions" (
	"document_id" integer NOT NULL,
	"version" integer NOT NULL,
	"sha256" text NOT NULL,
	"filename" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"uploaded_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_versions_document_id_version_pk" PRIMARY KEY("document_id","version")
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "type" "document_type" DEFAULT 'OTHER' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "title" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "status" "document_status" DEFAULT 'DRAFT' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "status_by" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "status_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "access" "document_access" DEFAULT 'INTERNAL' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "current_version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "order_item_id" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "task_id" integer;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "inspection_item_key" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "catalog_item_id" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_sha256_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_versions_uploader_idx" ON "document_versions" USING btree ("uploaded_by","created_at");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_status_by_users_id_fk" FOREIGN KEY ("status_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_task_id_production_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."production_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_catalog_item_id_items_id_fk" FOREIGN KEY ("catalog_item_id") REFERENCES "public"."items"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "documents_order_item_idx" ON "documents" USING btree ("order_item_id");--> statement-breakpoint
CREATE INDEX "documents_task_idx" ON "documents" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "documents_inspection_idx" ON "documents" USING btree ("inspection_id","inspection_item_key");--> statement-breakpoint
CREATE INDEX "documents_catalog_item_idx" ON "documents" USING btree ("catalog_item_id");--> statement-breakpoint
CREATE INDEX "documents_uploader_idx" ON "documents" USING btree ("uploaded_by","created_at");
--> statement-breakpoint
UPDATE "documents" SET "type" = 'PHOTO', "title" = "filename" WHERE "kind" = 'photo';--> statement-breakpoint
INSERT INTO "document_versions" ("document_id", "version", "sha256", "filename", "media_type", "size", "uploaded_by", "created_at")
  SELECT "d"."id", 1, "d"."sha256", "d"."filename", "b"."media_type", "b"."size", "d"."uploaded_by", "d"."created_at"
  FROM "documents" "d" JOIN "blobs" "b" ON "b"."sha256" = "d"."sha256";
