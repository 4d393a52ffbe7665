DROP INDEX "cart"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "cart"."outbox" USING btree ("id") WHERE "cart"."outbox"."published_at" IS NULL;