CREATE TABLE "delivery"."slot_bookings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"city" text NOT NULL,
	"day" date NOT NULL,
	"window_id" text NOT NULL,
	"released" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delivery"."slot_windows" (
	"city" text NOT NULL,
	"id" text NOT NULL,
	"starts_at" text NOT NULL,
	"ends_at" text NOT NULL,
	"capacity" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "slot_windows_city_id_pk" PRIMARY KEY("city","id")
);
--> statement-breakpoint
ALTER TABLE "delivery"."shipments" ADD COLUMN "slot" jsonb;--> statement-breakpoint
CREATE INDEX "slot_bookings_window_idx" ON "delivery"."slot_bookings" USING btree ("city","day","window_id") WHERE not released;