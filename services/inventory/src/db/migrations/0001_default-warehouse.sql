-- The default warehouse: catalog's initial stock lands here and reservations draw from it first.
-- A fixed id keeps it the same in every installation (seed data and docs may name it).
INSERT INTO "inventory"."warehouses" ("id", "name", "address", "is_default", "created_at")
VALUES ('01900000-0000-7000-8000-000000000001', 'Основной склад', NULL, true, now())
ON CONFLICT DO NOTHING;
