-- The price list this service owns. Prices are in minor units of an ISO 4217 currency.
create table product (
    sku        varchar(64)  primary key,
    name       varchar(200) not null,
    unit_price bigint       not null check (unit_price > 0),
    currency   varchar(3)   not null,
    active     boolean      not null
);

create table orders (
    id                 uuid         primary key,
    user_id            uuid         not null,
    status             varchar(32)  not null,
    currency           varchar(3)   not null,
    total_amount       bigint       not null check (total_amount > 0),
    payment_method     varchar(255) not null,
    payment_id         uuid,
    decline_code       varchar(100),
    refund_id          uuid,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    -- When reconciliation should look at the order next; null once it needs nothing more.
    reconcile_after    timestamptz,
    reconcile_attempts integer      not null default 0,
    version            bigint       not null
);

create index orders_user_newest_first on orders (user_id, created_at desc, id desc);
create index orders_to_reconcile on orders (reconcile_after)
    where status in ('PAYMENT_PENDING', 'CANCELLATION_PENDING');

create table order_line (
    order_id     uuid         not null references orders (id),
    line_no      integer      not null,
    sku          varchar(64)  not null references product (sku),
    product_name varchar(200) not null,
    quantity     integer      not null check (quantity between 1 and 100),
    unit_price   bigint       not null check (unit_price > 0),
    primary key (order_id, line_no)
);

-- Idempotency keys of order requests, scoped to the caller. The primary key decides which of
-- several concurrent requests with one key proceeds.
create table idempotency_key (
    user_id         uuid         not null,
    idem_key        varchar(255) not null,
    fingerprint     varchar(64)  not null,
    order_id        uuid,
    response_status integer,
    response_body   text,
    created_at      timestamptz  not null,
    completed_at    timestamptz,
    primary key (user_id, idem_key)
);

create index idempotency_key_created_at on idempotency_key (created_at);
