DROP INDEX "identity"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "identity"."outbox" USING btree ("id") WHERE "identity"."outbox"."published_at" IS NULL;