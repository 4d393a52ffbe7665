CREATE TABLE "betting"."people" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
