CREATE TABLE "notifications"."awaiting_contact" (
	"source_event_id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"notice" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "awaiting_contact_user_idx" ON "notifications"."awaiting_contact" USING btree ("user_id");