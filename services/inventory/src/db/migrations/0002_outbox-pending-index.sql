DROP INDEX "inventory"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "inventory"."outbox" USING btree ("id") WHERE "inventory"."outbox"."published_at" IS NULL;