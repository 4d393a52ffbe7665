CREATE SCHEMA "rates";
--> statement-breakpoint
CREATE TABLE "rates"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "rates"."outbox" (
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
CREATE TABLE "rates"."rate_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"base" char(3) NOT NULL,
	"rates" jsonb NOT NULL,
	"sources" jsonb NOT NULL,
	"source" text NOT NULL,
	"changed" text[] NOT NULL,
	"actor_id" uuid,
	"provider_date" date,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "rates"."outbox" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "rate_sets_base_created_idx" ON "rates"."rate_sets" USING btree ("base","created_at","id");--> statement-breakpoint
CREATE INDEX "rate_sets_changed_idx" ON "rates"."rate_sets" USING gin ("changed");