CREATE SCHEMA "inventory";
--> statement-breakpoint
CREATE TABLE "inventory"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer,
	"response" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "inventory"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "inventory"."outbox" (
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
CREATE TABLE "inventory"."reservation_lines" (
	"reservation_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	CONSTRAINT "reservation_lines_reservation_id_sku_warehouse_id_pk" PRIMARY KEY("reservation_id","sku","warehouse_id"),
	CONSTRAINT "reservation_lines_quantity_check" CHECK ("inventory"."reservation_lines"."quantity" > 0)
);
--> statement-breakpoint
CREATE TABLE "inventory"."reservations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"order_id" uuid,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"released_at" timestamp with time zone,
	"committed_at" timestamp with time zone,
	CONSTRAINT "reservations_status_check" CHECK ("inventory"."reservations"."status" IN ('reserved', 'released', 'committed'))
);
--> statement-breakpoint
CREATE TABLE "inventory"."skus" (
	"sku" text PRIMARY KEY NOT NULL,
	"variant_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"registered_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock" (
	"sku" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reserved" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_sku_warehouse_id_pk" PRIMARY KEY("sku","warehouse_id"),
	CONSTRAINT "stock_on_hand_check" CHECK ("inventory"."stock"."on_hand" >= 0),
	CONSTRAINT "stock_reserved_check" CHECK ("inventory"."stock"."reserved" >= 0),
	CONSTRAINT "stock_reserved_within_on_hand_check" CHECK ("inventory"."stock"."reserved" <= "inventory"."stock"."on_hand")
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"sku" text NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"on_hand_delta" integer NOT NULL,
	"reserved_delta" integer NOT NULL,
	"on_hand_after" integer NOT NULL,
	"reserved_after" integer NOT NULL,
	"reservation_id" uuid,
	"actor_id" uuid,
	"note" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."warehouses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"is_default" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_reservation_id_reservations_id_fk" FOREIGN KEY ("reservation_id") REFERENCES "inventory"."reservations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."reservation_lines" ADD CONSTRAINT "reservation_lines_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."stock" ADD CONSTRAINT "stock_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "outbox_unpublished_idx" ON "inventory"."outbox" USING btree ("published_at","id");--> statement-breakpoint
CREATE INDEX "reservations_order_idx" ON "inventory"."reservations" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "stock_warehouse_idx" ON "inventory"."stock" USING btree ("warehouse_id","sku");--> statement-breakpoint
CREATE INDEX "stock_movements_sku_idx" ON "inventory"."stock_movements" USING btree ("sku","warehouse_id","id");--> statement-breakpoint
CREATE INDEX "stock_movements_reservation_idx" ON "inventory"."stock_movements" USING btree ("reservation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_name_key" ON "inventory"."warehouses" USING btree (lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "warehouses_one_default_key" ON "inventory"."warehouses" USING btree ("is_default") WHERE "inventory"."warehouses"."is_default";