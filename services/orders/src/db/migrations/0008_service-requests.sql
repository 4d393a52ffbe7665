CREATE SEQUENCE "orders"."service_request_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "orders"."order_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"skill" text,
	"base_price_minor" bigint NOT NULL,
	"hourly_rate_minor" bigint,
	"currency" char(3) NOT NULL,
	"estimated_hours" double precision,
	"materials" jsonb NOT NULL,
	"active" boolean NOT NULL,
	"built_in" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders"."service_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"number_seq" bigint DEFAULT nextval('orders.service_request_number_seq') NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"booking" text NOT NULL,
	"booking_error" jsonb,
	"customer_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"type_name" text NOT NULL,
	"skill" text NOT NULL,
	"status" text NOT NULL,
	"address" jsonb NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"description" text NOT NULL,
	"quote" jsonb,
	"currency" char(3) NOT NULL,
	"total_minor" bigint,
	"captured_minor" bigint,
	"promo_code" text,
	"points_used" integer DEFAULT 0 NOT NULL,
	"payment_id" uuid,
	"payment_status" text,
	"offered_to" uuid,
	"worker_id" uuid,
	"kit_state" text NOT NULL,
	"kit_task_ids" jsonb NOT NULL,
	"picked_task_ids" jsonb NOT NULL,
	"report" jsonb,
	"rating" smallint,
	"history" jsonb NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "order_types_code_key" ON "orders"."order_types" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_number_key" ON "orders"."service_requests" USING btree ("number_seq");--> statement-breakpoint
CREATE UNIQUE INDEX "service_requests_idempotency_key" ON "orders"."service_requests" USING btree ("customer_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "service_requests_customer_idx" ON "orders"."service_requests" USING btree ("customer_id","id");--> statement-breakpoint
CREATE INDEX "service_requests_worker_idx" ON "orders"."service_requests" USING btree ("worker_id","id");--> statement-breakpoint
CREATE INDEX "service_requests_offered_idx" ON "orders"."service_requests" USING btree ("offered_to");--> statement-breakpoint
CREATE INDEX "service_requests_stats_idx" ON "orders"."service_requests" USING btree ("type_id","completed_at") WHERE status = 'completed';--> statement-breakpoint
CREATE INDEX "service_requests_running_idx" ON "orders"."service_requests" USING btree ("updated_at") WHERE booking = 'running';--> statement-breakpoint
INSERT INTO "orders"."order_types" ("id", "code", "name", "kind", "base_price_minor", "currency", "materials", "active", "built_in", "created_at", "updated_at")
VALUES ('00000000-0000-4000-8000-000000000001', 'goods', 'Goods', 'goods', 0, 'RUB', '[]', true, true, now(), now());
