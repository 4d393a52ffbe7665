-- A settled checkout row holds the saga's state and the answer given (~3.5 kB of JSON together):
-- above PostgreSQL's default toast threshold (~2 kB), every write compressed the row and moved a
-- value out to the TOAST table. Rows up to 8 kB now stay inline as written (docs/decisions/0015).
ALTER TABLE "orders"."checkouts" SET (toast_tuple_target = 8160);
