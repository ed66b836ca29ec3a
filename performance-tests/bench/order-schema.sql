-- A scratch copy of order-service's tables for the pgbench baseline (pgbench -t 1 -c 1 -f this file).
-- Owned by the superuser in its own schema: no service role can see it, and no service table is touched.
DROP SCHEMA IF EXISTS capacity_bench CASCADE;
CREATE SCHEMA capacity_bench;
CREATE TABLE capacity_bench.product (
    sku        varchar(64)  PRIMARY KEY,
    name       varchar(200) NOT NULL,
    unit_price bigint       NOT NULL CHECK (unit_price > 0),
    currency   varchar(3)   NOT NULL,
    active     boolean      NOT NULL
);
INSERT INTO capacity_bench.product VALUES
    ('COFFEE-BEANS-1KG', 'Coffee beans 1 kg', 2490, 'EUR', true),
    ('ESPRESSO-CUP', 'Espresso cup', 900, 'EUR', true);
CREATE TABLE capacity_bench.orders (
    id                 uuid         PRIMARY KEY,
    user_id            uuid         NOT NULL,
    status             varchar(32)  NOT NULL,
    currency           varchar(3)   NOT NULL,
    total_amount       bigint       NOT NULL CHECK (total_amount > 0),
    payment_method     varchar(255) NOT NULL,
    payment_id         uuid,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    version            bigint       NOT NULL
);
CREATE INDEX orders_user_newest_first ON capacity_bench.orders (user_id, created_at DESC, id DESC);
CREATE TABLE capacity_bench.order_line (
    order_id     uuid         NOT NULL REFERENCES capacity_bench.orders (id),
    line_no      integer      NOT NULL,
    sku          varchar(64)  NOT NULL REFERENCES capacity_bench.product (sku),
    product_name varchar(200) NOT NULL,
    quantity     integer      NOT NULL,
    unit_price   bigint       NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
CREATE TABLE capacity_bench.idempotent_request (
    scope        varchar(255) NOT NULL,
    idem_key     varchar(255) NOT NULL,
    fingerprint  varchar(64)  NOT NULL,
    owner        uuid         NOT NULL,
    lease_until  timestamptz,
    resource_id  uuid,
    created_at   timestamptz  NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
