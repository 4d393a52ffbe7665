CREATE SCHEMA "betting";
--> statement-breakpoint
CREATE TABLE "betting"."bets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"stake" integer NOT NULL,
	"status" text NOT NULL,
	"payout" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"settled_at" timestamp with time zone,
	CONSTRAINT "bets_stake_positive" CHECK ("betting"."bets"."stake" > 0)
);
--> statement-breakpoint
CREATE TABLE "betting"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "betting"."orders" (
	"order_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"outcome" text,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "betting"."outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"envelope" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"published_at" timestamp with time zone,
	"last_error" text
);
--> statement-breakpoint
CREATE TABLE "betting"."wallets" (
	"manager_id" uuid PRIMARY KEY NOT NULL,
	"balance" integer NOT NULL,
	"week" date NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "wallets_balance_not_negative" CHECK ("betting"."wallets"."balance" >= 0)
);
--> statement-breakpoint
CREATE INDEX "bets_order_idx" ON "betting"."bets" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "bets_manager_idx" ON "betting"."bets" USING btree ("manager_id","id");--> statement-breakpoint
CREATE INDEX "bets_settled_idx" ON "betting"."bets" USING btree ("settled_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "betting"."outbox" USING btree ("id") WHERE "betting"."outbox"."published_at" IS NULL;