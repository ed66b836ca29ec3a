-- The order-like transaction of the pgbench baseline (run with -M prepared): 1 select, 4 inserts, 1 update,
-- shaped like what order-service writes for one order (idempotency key, order, two lines, then marked paid).
BEGIN;
SELECT unit_price, currency FROM capacity_bench.product WHERE sku = 'COFFEE-BEANS-1KG' AND active;
INSERT INTO capacity_bench.idempotent_request (scope, idem_key, fingerprint, owner, lease_until, created_at)
    VALUES ('orders', gen_random_uuid()::text, md5(random()::text), gen_random_uuid(), now() + interval '30 seconds', now());
INSERT INTO capacity_bench.orders (id, user_id, status, currency, total_amount, payment_method, created_at, updated_at, version)
    VALUES (gen_random_uuid(), gen_random_uuid(), 'PAYMENT_PENDING', 'EUR', 5880, 'tok_visa', now(), now(), 0)
    RETURNING id AS order_id \gset
INSERT INTO capacity_bench.order_line VALUES (:order_id, 1, 'COFFEE-BEANS-1KG', 'Coffee beans 1 kg', 2, 2490);
INSERT INTO capacity_bench.order_line VALUES (:order_id, 2, 'ESPRESSO-CUP', 'Espresso cup', 1, 900);
UPDATE capacity_bench.orders SET status = 'PAID', payment_id = gen_random_uuid(), updated_at = now(), version = version + 1
    WHERE id = :order_id;
END;
