DROP INDEX "catalog"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "catalog"."outbox" USING btree ("id") WHERE "catalog"."outbox"."published_at" IS NULL;