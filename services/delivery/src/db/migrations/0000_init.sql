CREATE SCHEMA "delivery";
--> statement-breakpoint
CREATE TABLE "delivery"."couriers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"on_duty" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_lat" double precision,
	"last_lon" double precision,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "delivery"."outbox" (
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
CREATE TABLE "delivery"."shipment_events" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shipment_id" uuid NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_id" uuid,
	"note" text,
	"lat" double precision,
	"lon" double precision,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery"."shipments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"order_number" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"tracking_number" text NOT NULL,
	"status" text NOT NULL,
	"city" text NOT NULL,
	"address" jsonb NOT NULL,
	"phone" text NOT NULL,
	"courier_id" uuid,
	"delivery_date" date NOT NULL,
	"route_position" integer,
	"eta" timestamp with time zone,
	"failures" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery"."zones" (
	"city" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"depot_lat" double precision NOT NULL,
	"depot_lon" double precision NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delivery"."shipment_events" ADD CONSTRAINT "shipment_events_shipment_id_shipments_id_fk" FOREIGN KEY ("shipment_id") REFERENCES "delivery"."shipments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "couriers_city_idx" ON "delivery"."couriers" USING btree ("city") WHERE on_duty and active;--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "delivery"."outbox" USING btree ("id") WHERE "delivery"."outbox"."published_at" IS NULL;--> statement-breakpoint
CREATE INDEX "shipment_events_shipment_idx" ON "delivery"."shipment_events" USING btree ("shipment_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_order_key" ON "delivery"."shipments" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "shipments_tracking_key" ON "delivery"."shipments" USING btree ("tracking_number");--> statement-breakpoint
CREATE INDEX "shipments_courier_day_idx" ON "delivery"."shipments" USING btree ("courier_id","delivery_date");--> statement-breakpoint
CREATE INDEX "shipments_status_idx" ON "delivery"."shipments" USING btree ("status","id");