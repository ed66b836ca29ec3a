-- The platform's one idempotency mechanism (service-support's IdempotentRequests) replaces this
-- service's own key table: a key is held under a lease its holder renews while it works, so a
-- retry after a crash takes the request over within seconds instead of waiting minutes.
-- Keys stored before this migration are dropped: a client retrying one now starts a new request.
drop table idempotency_key;

create table idempotent_request (
    scope        varchar(255) not null,
    idem_key     varchar(255) not null,
    fingerprint  varchar(64)  not null,
    owner        uuid         not null,
    lease_until  timestamptz,
    resource_id  uuid,
    answer       text,
    created_at   timestamptz  not null,
    completed_at timestamptz,
    primary key (scope, idem_key)
);

create index idempotent_request_created_at on idempotent_request (created_at);

-- The one attempt bookkeeping (service-support's Attempts): why the last reconciliation attempt
-- did not complete the order, for operators.
alter table orders add column reconcile_failure varchar(500);
