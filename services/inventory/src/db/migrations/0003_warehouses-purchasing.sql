CREATE TABLE "inventory"."purchase_order_lines" (
	"purchase_order_id" uuid NOT NULL,
	"sku" text NOT NULL,
	"quantity" integer NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"unit_cost_minor" bigint NOT NULL,
	CONSTRAINT "purchase_order_lines_purchase_order_id_sku_pk" PRIMARY KEY("purchase_order_id","sku"),
	CONSTRAINT "purchase_order_lines_quantity_check" CHECK ("inventory"."purchase_order_lines"."quantity" > 0),
	CONSTRAINT "purchase_order_lines_received_check" CHECK ("inventory"."purchase_order_lines"."received" >= 0 AND "inventory"."purchase_order_lines"."received" <= "inventory"."purchase_order_lines"."quantity")
);
--> statement-breakpoint
CREATE TABLE "inventory"."purchase_orders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"supplier_id" uuid NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"status" text NOT NULL,
	"currency" char(3) NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."stock_audits" (
	"id" uuid PRIMARY KEY NOT NULL,
	"warehouse_id" uuid NOT NULL,
	"lines" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."suppliers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "inventory"."transfers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"from_warehouse_id" uuid NOT NULL,
	"to_warehouse_id" uuid NOT NULL,
	"status" text NOT NULL,
	"lines" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "inventory"."stock_movements" ADD COLUMN "document_id" uuid;--> statement-breakpoint
ALTER TABLE "inventory"."warehouses" ADD COLUMN "city" text;--> statement-breakpoint
ALTER TABLE "inventory"."warehouses" ADD COLUMN "lat" double precision;--> statement-breakpoint
ALTER TABLE "inventory"."warehouses" ADD COLUMN "lon" double precision;--> statement-breakpoint
ALTER TABLE "inventory"."purchase_order_lines" ADD CONSTRAINT "purchase_order_lines_purchase_order_id_purchase_orders_id_fk" FOREIGN KEY ("purchase_order_id") REFERENCES "inventory"."purchase_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."purchase_orders" ADD CONSTRAINT "purchase_orders_supplier_id_suppliers_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "inventory"."suppliers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."purchase_orders" ADD CONSTRAINT "purchase_orders_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."stock_audits" ADD CONSTRAINT "stock_audits_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."transfers" ADD CONSTRAINT "transfers_from_warehouse_id_warehouses_id_fk" FOREIGN KEY ("from_warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "inventory"."transfers" ADD CONSTRAINT "transfers_to_warehouse_id_warehouses_id_fk" FOREIGN KEY ("to_warehouse_id") REFERENCES "inventory"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "purchase_orders_status_idx" ON "inventory"."purchase_orders" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "purchase_orders_supplier_idx" ON "inventory"."purchase_orders" USING btree ("supplier_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "suppliers_name_key" ON "inventory"."suppliers" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "transfers_status_idx" ON "inventory"."transfers" USING btree ("status","id");--> statement-breakpoint
CREATE INDEX "stock_movements_reason_idx" ON "inventory"."stock_movements" USING btree ("reason","id");--> statement-breakpoint
CREATE INDEX "stock_movements_warehouse_idx" ON "inventory"."stock_movements" USING btree ("warehouse_id","id");--> statement-breakpoint
-- The default warehouse gets a place, so delivery can route from it.
UPDATE "inventory"."warehouses" SET "city" = 'Москва', "lat" = 55.7558, "lon" = 37.6173 WHERE "id" = '01900000-0000-7000-8000-000000000001' AND "city" IS NULL;
