-- The ledger is append-only: postings never change or disappear, and an entry's status only
-- moves pending -> posted or pending -> voided. Corrections are new entries.
CREATE FUNCTION "payments"."refuse_posting_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'ledger postings are immutable (% refused)', TG_OP USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "postings_immutable" BEFORE UPDATE OR DELETE ON "payments"."postings"
  FOR EACH ROW EXECUTE FUNCTION "payments"."refuse_posting_change"();
--> statement-breakpoint
CREATE FUNCTION "payments"."guard_entry_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'journal entries cannot be deleted' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.id <> OLD.id OR NEW.order_id <> OLD.order_id OR NEW.payment_id <> OLD.payment_id
     OR NEW.kind <> OLD.kind OR NEW.created_at <> OLD.created_at THEN
    RAISE EXCEPTION 'journal entries are immutable except for their status' USING ERRCODE = 'P0001';
  END IF;
  IF NEW.status <> OLD.status AND NOT (OLD.status = 'pending' AND NEW.status IN ('posted', 'voided')) THEN
    RAISE EXCEPTION 'journal entry status cannot move % -> %', OLD.status, NEW.status USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "journal_entries_guarded" BEFORE UPDATE OR DELETE ON "payments"."journal_entries"
  FOR EACH ROW EXECUTE FUNCTION "payments"."guard_entry_change"();
--> statement-breakpoint
INSERT INTO "payments"."ledger_accounts" ("code", "type") VALUES
  ('customer_receivable', 'asset'),
  ('revenue', 'revenue'),
  ('discounts', 'contra_revenue'),
  ('refunds', 'contra_revenue'),
  ('loyalty_liability', 'liability'),
  ('provider_clearing:test', 'asset'),
  ('provider_clearing:stripe', 'asset');
