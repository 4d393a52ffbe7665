ALTER TABLE "delivery"."shipments" ADD COLUMN "delivery_code" text;--> statement-breakpoint
ALTER TABLE "delivery"."shipments" ADD COLUMN "code_attempts" integer DEFAULT 0 NOT NULL;