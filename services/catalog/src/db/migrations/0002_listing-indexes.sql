DROP INDEX "catalog"."products_newest_idx";--> statement-breakpoint
CREATE INDEX "products_created_idx" ON "catalog"."products" USING btree ("created_at","id") WHERE archived_at IS NULL;