ALTER TABLE "orders"."orders" ADD COLUMN "shipment_id" uuid;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "shipment_status" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "tracking_number" text;--> statement-breakpoint
ALTER TABLE "orders"."orders" ADD COLUMN "shipment_at" timestamp with time zone;