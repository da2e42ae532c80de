CREATE TYPE "public"."inspection_approval" AS ENUM('PENDING', 'APPROVED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."ncr_disposition" AS ENUM('REWORK', 'USE_AS_IS', 'SCRAP', 'RETURN_TO_SUPPLIER');--> statement-breakpoint
CREATE TYPE "public"."ncr_severity" AS ENUM('CRITICAL', 'MAJOR', 'MINOR');--> statement-breakpoint
CREATE TYPE "public"."ncr_status" AS ENUM('OPEN', 'IN_PROGRESS', 'RESOLVED', 'VERIFIED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."task_note_kind" AS ENUM('NOTE', 'PROBLEM');--> statement-breakpoint
CREATE TYPE "public"."task_type" AS ENUM('ASSEMBLY', 'FABRICATION', 'INSPECTION', 'PACKAGING', 'TESTING');--> statement-breakpoint
CREATE TABLE "ncr_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ncr_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"ncr_id" integer NOT NULL,
	"from_status" "ncr_status",
	"to_status" "ncr_status" NOT NULL,
	"user_id" integer,
	"note" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ncrs" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ncrs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_item_id" integer NOT NULL,
	"inspection_id" integer,
	"task_id" integer,
	"rows" text[] DEFAULT '{}'::text[] NOT NULL,
	"photo_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"severity" "ncr_severity" NOT NULL,
	"description" text NOT NULL,
	"status" "ncr_status" DEFAULT 'OPEN' NOT NULL,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"owner_id" integer,
	"disposition" "ncr_disposition",
	"corrective_action" text,
	"due_date" date,
	"verified_by_inspection_id" integer,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_notes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "task_notes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"task_id" integer NOT NULL,
	"kind" "task_note_kind" NOT NULL,
	"text" text NOT NULL,
	"ncr_id" integer,
	"user_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "task_id" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "verifies_ncr_id" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "pass_percentage" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "score" jsonb;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "approval" "inspection_approval";--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "approver_id" integer;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "approved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "inspections" ADD COLUMN "approval_note" text;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "type" "task_type";--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "sequence" integer;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "description" text;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "work_instructions" text;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "required_tools" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "safety_notes" text;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "qc_template" text;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "qc_kind" text;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "document_types" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "assigned_by" integer;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ncr_history" ADD CONSTRAINT "ncr_history_ncr_id_ncrs_id_fk" FOREIGN KEY ("ncr_id") REFERENCES "public"."ncrs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncr_history" ADD CONSTRAINT "ncr_history_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncrs" ADD CONSTRAINT "ncrs_order_item_id_order_items_id_fk" FOREIGN KEY ("order_item_id") REFERENCES "public"."order_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncrs" ADD CONSTRAINT "ncrs_inspection_id_inspections_id_fk" FOREIGN KEY ("inspection_id") REFERENCES "public"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncrs" ADD CONSTRAINT "ncrs_task_id_production_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."production_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncrs" ADD CONSTRAINT "ncrs_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncrs" ADD CONSTRAINT "ncrs_verified_by_inspection_id_inspections_id_fk" FOREIGN KEY ("verified_by_inspection_id") REFERENCES "public"."inspections"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ncrs" ADD CONSTRAINT "ncrs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notes" ADD CONSTRAINT "task_notes_task_id_production_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."production_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notes" ADD CONSTRAINT "task_notes_ncr_id_ncrs_id_fk" FOREIGN KEY ("ncr_id") REFERENCES "public"."ncrs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_notes" ADD CONSTRAINT "task_notes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ncr_history_ncr_idx" ON "ncr_history" USING btree ("ncr_id","at");--> statement-breakpoint
CREATE INDEX "ncrs_item_idx" ON "ncrs" USING btree ("order_item_id","status");--> statement-breakpoint
CREATE INDEX "ncrs_status_idx" ON "ncrs" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "ncrs_owner_idx" ON "ncrs" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "task_notes_task_idx" ON "task_notes" USING btree ("task_id","at");--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_task_id_production_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."production_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_verifies_ncr_id_ncrs_id_fk" FOREIGN KEY ("verifies_ncr_id") REFERENCES "public"."ncrs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inspections" ADD CONSTRAINT "inspections_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "production_tasks" ADD CONSTRAINT "production_tasks_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "inspections_task_idx" ON "inspections" USING btree ("task_id");--> statement-breakpoint
CREATE INDEX "inspections_ncr_idx" ON "inspections" USING btree ("verifies_ncr_id");