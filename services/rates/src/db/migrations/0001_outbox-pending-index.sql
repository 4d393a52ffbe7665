DROP INDEX "rates"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "rates"."outbox" USING btree ("id") WHERE "rates"."outbox"."published_at" IS NULL;