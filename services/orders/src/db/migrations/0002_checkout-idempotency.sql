ALTER TABLE "orders"."checkouts" ADD COLUMN "idempotency_key" text;--> statement-breakpoint
ALTER TABLE "orders"."checkouts" ADD COLUMN "request_hash" text;--> statement-breakpoint
ALTER TABLE "orders"."checkouts" ADD COLUMN "response" jsonb;--> statement-breakpoint
CREATE UNIQUE INDEX "checkouts_idempotency_key" ON "orders"."checkouts" USING btree ("customer_id","idempotency_key") WHERE idempotency_key is not null and status not in ('compensated', 'compensation_failed');