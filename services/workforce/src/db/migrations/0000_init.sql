CREATE SCHEMA "workforce";
--> statement-breakpoint
CREATE TABLE "workforce"."attempts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"test_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"questions" jsonb NOT NULL,
	"submitted_at" timestamp with time zone,
	"answers" jsonb,
	"score" integer,
	"passed" boolean
);
--> statement-breakpoint
CREATE TABLE "workforce"."candidates" (
	"test_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"last_attempt_id" uuid,
	CONSTRAINT "candidates_test_id_user_id_pk" PRIMARY KEY("test_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "workforce"."demo_workers" (
	"email" text PRIMARY KEY NOT NULL,
	"skill" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision NOT NULL,
	"lon" double precision NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce"."inbox" (
	"event_id" uuid NOT NULL,
	"handler" text NOT NULL,
	"handled_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_event_id_handler_pk" PRIMARY KEY("event_id","handler")
);
--> statement-breakpoint
CREATE TABLE "workforce"."offers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"request_id" uuid NOT NULL,
	"worker_id" uuid NOT NULL,
	"made_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "workforce"."outbox" (
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
CREATE TABLE "workforce"."people" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce"."ratings" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"worker_id" uuid NOT NULL,
	"stars" smallint NOT NULL,
	"rated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ratings_stars_range" CHECK ("workforce"."ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "workforce"."requests" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"customer_id" uuid NOT NULL,
	"skill" text NOT NULL,
	"city" text NOT NULL,
	"lat" double precision,
	"lon" double precision,
	"scheduled_at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"worker_id" uuid,
	"tried" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"booked_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce"."tests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"skill" text NOT NULL,
	"title" text NOT NULL,
	"pass_score" integer NOT NULL,
	"time_limit_minutes" integer NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workforce"."workers" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"skills" text[] NOT NULL,
	"city" text,
	"lat" double precision,
	"lon" double precision,
	"available" boolean DEFAULT true NOT NULL,
	"rating_sum" integer DEFAULT 0 NOT NULL,
	"rating_count" integer DEFAULT 0 NOT NULL,
	"open_jobs" integer DEFAULT 0 NOT NULL,
	"offer_request_id" uuid,
	"qualified_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "workers_open_jobs_not_negative" CHECK ("workforce"."workers"."open_jobs" >= 0)
);
--> statement-breakpoint
CREATE INDEX "attempts_test_idx" ON "workforce"."attempts" USING btree ("test_id","id");--> statement-breakpoint
CREATE INDEX "attempts_user_idx" ON "workforce"."attempts" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offers_one_open_per_worker" ON "workforce"."offers" USING btree ("worker_id") WHERE "workforce"."offers"."status" = 'open';--> statement-breakpoint
CREATE UNIQUE INDEX "offers_one_open_per_request" ON "workforce"."offers" USING btree ("request_id") WHERE "workforce"."offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "offers_open_expiry_idx" ON "workforce"."offers" USING btree ("expires_at") WHERE "workforce"."offers"."status" = 'open';--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "workforce"."outbox" USING btree ("id") WHERE "workforce"."outbox"."published_at" IS NULL;--> statement-breakpoint
CREATE INDEX "requests_status_idx" ON "workforce"."requests" USING btree ("status");--> statement-breakpoint
CREATE INDEX "workers_city_idx" ON "workforce"."workers" USING btree ("city");--> statement-breakpoint
CREATE INDEX "workers_free_city_idx" ON "workforce"."workers" USING btree ("city") WHERE "workforce"."workers"."available" and "workforce"."workers"."offer_request_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "workers_one_offer_idx" ON "workforce"."workers" USING btree ("offer_request_id");