CREATE SCHEMA "fulfilment";
--> statement-breakpoint
CREATE TABLE "fulfilment"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "fulfilment"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "fulfilment"."orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"lines" jsonb,
	"allocation" jsonb,
	"cancelled" boolean DEFAULT false NOT NULL,
	"tasks_created_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"published_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "fulfilment"."picking_tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"picker_id" uuid,
	"lines" jsonb NOT NULL,
	"note" text,
	"pick_seconds" integer,
	"created_at" timestamp with time zone NOT NULL,
	"assigned_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"verified_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment"."products" (
	"sku" text PRIMARY KEY NOT NULL,
	"barcode" text,
	"title" text NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fulfilment"."scans" (
	"scan_id" text PRIMARY KEY NOT NULL,
	"task_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"picker_id" uuid NOT NULL,
	"scanned_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "fulfilment"."outbox" USING btree ("id") WHERE "fulfilment"."outbox"."published_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "picking_tasks_order_warehouse_key" ON "fulfilment"."picking_tasks" USING btree ("order_id","warehouse_id","kind");--> statement-breakpoint
CREATE INDEX "picking_tasks_queue_idx" ON "fulfilment"."picking_tasks" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "picking_tasks_picker_idx" ON "fulfilment"."picking_tasks" USING btree ("picker_id","id");--> statement-breakpoint
CREATE INDEX "picking_tasks_pending_idx" ON "fulfilment"."picking_tasks" USING btree ("id") WHERE status = 'pending';