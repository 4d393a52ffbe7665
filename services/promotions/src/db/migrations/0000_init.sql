CREATE SCHEMA "promotions";
--> statement-breakpoint
CREATE TABLE "promotions"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "promotions"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "promotions"."loyalty_accounts" (
	"customer_id" uuid PRIMARY KEY NOT NULL,
	"balance" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "loyalty_accounts_balance_not_negative" CHECK ("promotions"."loyalty_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotions"."loyalty_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"delta" bigint NOT NULL,
	"balance_after" bigint NOT NULL,
	"reason" text NOT NULL,
	"order_id" uuid,
	"hold_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "promotions"."loyalty_holds" (
	"id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"points" bigint NOT NULL,
	"value_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"status" text NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "promotions"."outbox" (
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
CREATE TABLE "promotions"."promotions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"percent" integer,
	"amount_minor" bigint,
	"min_subtotal_minor" bigint,
	"currency" char(3) NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"usage_limit" integer,
	"per_customer_limit" integer,
	"used" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "promotions_used_not_negative" CHECK ("promotions"."promotions"."used" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotions"."redemptions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"promotion_id" uuid NOT NULL,
	"code" text NOT NULL,
	"type" text NOT NULL,
	"customer_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"status" text NOT NULL,
	"discount_minor" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"free_shipping" boolean NOT NULL,
	"redeemed_at" timestamp with time zone NOT NULL,
	"cancelled_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "promotions"."redemptions" ADD CONSTRAINT "redemptions_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "promotions"."promotions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "loyalty_history_customer_idx" ON "promotions"."loyalty_history" USING btree ("customer_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "loyalty_history_earned_once_key" ON "promotions"."loyalty_history" USING btree ("order_id","reason") WHERE reason in ('earned', 'revoked');--> statement-breakpoint
CREATE INDEX "loyalty_holds_order_idx" ON "promotions"."loyalty_holds" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "promotions"."outbox" USING btree ("published_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotions_code_key" ON "promotions"."promotions" USING btree ("code");--> statement-breakpoint
CREATE INDEX "redemptions_promotion_customer_idx" ON "promotions"."redemptions" USING btree ("promotion_id","customer_id","status");--> statement-breakpoint
CREATE INDEX "redemptions_order_idx" ON "promotions"."redemptions" USING btree ("order_id");