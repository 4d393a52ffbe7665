CREATE SCHEMA "analytics";
--> statement-breakpoint
CREATE TABLE "analytics"."archive" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"version" integer NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"envelope" jsonb NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."durations" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"metric" text NOT NULL,
	"bucket" integer NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "durations_grain_period_metric_bucket_pk" PRIMARY KEY("grain","period","metric","bucket")
);
--> statement-breakpoint
CREATE TABLE "analytics"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "analytics"."orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"number" text,
	"order_type" text NOT NULL,
	"currency" char(3),
	"exchange_rate" text,
	"total_minor" bigint,
	"refunded_minor" bigint DEFAULT 0 NOT NULL,
	"lines" jsonb NOT NULL,
	"placed_at" timestamp with time zone,
	"paid_at" timestamp with time zone,
	"picking_at" timestamp with time zone,
	"packed_at" timestamp with time zone,
	"shipped_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"refunded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "analytics"."outbox" (
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
CREATE TABLE "analytics"."products" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"sku" text NOT NULL,
	"title" text NOT NULL,
	"units" integer NOT NULL,
	"revenue_minor" bigint NOT NULL,
	CONSTRAINT "products_grain_period_sku_pk" PRIMARY KEY("grain","period","sku")
);
--> statement-breakpoint
CREATE TABLE "analytics"."rebuilds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"events" integer DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "analytics"."totals" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"order_type" text NOT NULL,
	"orders" integer NOT NULL,
	"kept" integer NOT NULL,
	"cancelled" integer NOT NULL,
	"gross_minor" bigint NOT NULL,
	"refunds_minor" bigint NOT NULL,
	CONSTRAINT "totals_grain_period_order_type_pk" PRIMARY KEY("grain","period","order_type")
);
--> statement-breakpoint
CREATE TABLE "analytics"."worker_jobs" (
	"job_id" text PRIMARY KEY NOT NULL,
	"role" text NOT NULL,
	"worker_id" uuid NOT NULL,
	"finished_at" timestamp with time zone NOT NULL,
	"seconds" integer NOT NULL,
	"units" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "analytics"."workers" (
	"grain" text NOT NULL,
	"period" date NOT NULL,
	"role" text NOT NULL,
	"worker_id" uuid NOT NULL,
	"jobs" integer NOT NULL,
	"seconds" bigint NOT NULL,
	"units" integer NOT NULL,
	CONSTRAINT "workers_grain_period_role_worker_id_pk" PRIMARY KEY("grain","period","role","worker_id")
);
--> statement-breakpoint
CREATE INDEX "orders_paid_idx" ON "analytics"."orders" USING btree ("paid_at","order_id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "analytics"."outbox" USING btree ("id") WHERE "analytics"."outbox"."published_at" IS NULL;