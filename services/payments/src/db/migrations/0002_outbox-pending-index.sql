DROP INDEX "payments"."outbox_unpublished_idx";--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "payments"."outbox" USING btree ("id") WHERE "payments"."outbox"."published_at" IS NULL;