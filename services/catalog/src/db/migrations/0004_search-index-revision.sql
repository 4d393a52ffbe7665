CREATE SEQUENCE "catalog"."product_revision" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
-- A writer has its transaction id before it takes a revision, so a search index that sees the
-- revision handed out also sees the transaction running until it commits (a transaction gets an
-- id only at its first row write, after defaults and generated columns are computed).
CREATE FUNCTION "catalog"."take_product_revision"() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_current_xact_id();
  RETURN nextval('catalog.product_revision');
END
$$;--> statement-breakpoint
ALTER TABLE "catalog"."products" ADD COLUMN "revision" bigint DEFAULT "catalog"."take_product_revision"() NOT NULL;--> statement-breakpoint
CREATE INDEX "products_revision_idx" ON "catalog"."products" USING btree ("revision");--> statement-breakpoint
-- Every update takes a new revision, whoever writes it (use cases, the stock read model, a hand-run UPDATE).
CREATE FUNCTION "catalog"."next_product_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.revision := "catalog"."take_product_revision"();
  RETURN NEW;
END
$$;--> statement-breakpoint
CREATE TRIGGER "products_next_revision" BEFORE UPDATE ON "catalog"."products" FOR EACH ROW EXECUTE FUNCTION "catalog"."next_product_revision"();
