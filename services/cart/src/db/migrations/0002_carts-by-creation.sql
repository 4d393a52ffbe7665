DROP INDEX "cart"."carts_updated_idx";--> statement-breakpoint
CREATE INDEX "carts_created_idx" ON "cart"."carts" USING btree ("created_at");--> statement-breakpoint
-- Room left in each page for a cart's next versions: a change then stays a HOT update (no new index
-- entries); with updated_at out of every index, only the space was missing (docs/decisions/0015).
ALTER TABLE "cart"."carts" SET (fillfactor = 80);
