DROP INDEX "orders"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "orders"."outbox" USING btree ("id") WHERE "orders"."outbox"."published_at" IS NULL;