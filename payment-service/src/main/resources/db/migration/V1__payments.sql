-- Payments. Money is always an amount in minor units with its ISO 4217 currency.
-- A payment is created PENDING before the provider is called and its outcome is stored
-- afterwards: a crash in between leaves a PENDING row the resolver picks up, never nothing.
create table payment (
    id                 uuid         primary key,
    order_id           uuid         not null,
    user_id            uuid         not null,
    amount             bigint       not null check (amount > 0),
    currency           varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    payment_method     varchar(64)  not null,
    status             varchar(16)  not null check (status in ('PENDING', 'APPROVED', 'DECLINED', 'FAILED')),
    decline_code       varchar(64),
    failure_reason     varchar(500),
    provider_charge_id varchar(128),
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);

create index payment_order_id on payment (order_id);
-- The resolver's queue: only unresolved payments are indexed.
create index payment_pending on payment (next_attempt_at) where status = 'PENDING';

-- Refunds of approved payments. The sum of PENDING and SUCCEEDED refunds of a payment never
-- exceeds its amount: refunds are created while the payment row is locked.
create table refund (
    id                 uuid         primary key,
    payment_id         uuid         not null references payment (id),
    amount             bigint       not null check (amount > 0),
    currency           varchar(3)   not null check (currency ~ '^[A-Z]{3}$'),
    status             varchar(16)  not null check (status in ('PENDING', 'SUCCEEDED', 'FAILED')),
    failure_reason     varchar(500),
    provider_refund_id varchar(128),
    attempts           integer      not null default 0,
    next_attempt_at    timestamptz,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null,
    version            bigint       not null default 0
);

create index refund_payment_id on refund (payment_id);
create index refund_pending on refund (next_attempt_at) where status = 'PENDING';

-- Idempotency keys, scoped to the caller (the token's subject). The primary key is what makes
-- N concurrent requests with one key produce exactly one payment and one provider call: exactly
-- one insert wins, the others find its row.
create table idempotency_record (
    caller           varchar(255) not null,
    idempotency_key  varchar(255) not null,
    fingerprint      varchar(64)  not null,
    state            varchar(16)  not null check (state in ('IN_FLIGHT', 'COMPLETED')),
    resource_type    varchar(16)  not null check (resource_type in ('PAYMENT', 'REFUND')),
    resource_id      uuid         not null,
    -- The resource's state as first answered, so a replay returns the original body.
    response_status  varchar(16),
    response_code    varchar(64),
    created_at       timestamptz  not null,
    completed_at     timestamptz,
    primary key (caller, idempotency_key)
);

create index idempotency_record_resource on idempotency_record (resource_id);
create index idempotency_record_created_at on idempotency_record (created_at);
