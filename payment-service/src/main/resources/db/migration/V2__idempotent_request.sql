-- One idempotency mechanism for every service (common/service-support, IdempotentRequests):
-- keys move from idempotency_record to the mechanism's table, with a lease instead of a state,
-- the resource the request created, and the first answer stored whole (JSON).
create table idempotent_request (
    scope        varchar(255) not null,  -- the caller
    idem_key     varchar(255) not null,
    fingerprint  varchar(64)  not null,
    owner        uuid         not null,  -- the request holding the key
    lease_until  timestamptz,            -- null once answered
    resource_id  uuid,                   -- what the work created, linked in its transaction
    answer       text,                   -- the first answer, as JSON
    created_at   timestamptz  not null,
    completed_at timestamptz,
    primary key (scope, idem_key)
);
create index idempotent_request_created_at on idempotent_request (created_at);

-- Keys in use when this runs keep their meaning, so a client retrying across the deployment
-- is never charged twice: answered keys keep their first answer (rebuilt from the resource and
-- the status and decline code first answered; the fingerprints are computed the same way), and
-- unanswered ones are left with a lease that has run out, so a retry takes the request over and
-- answers from its payment or refund.
insert into idempotent_request (scope, idem_key, fingerprint, owner, lease_until, resource_id, answer,
                                created_at, completed_at)
select r.caller, r.idempotency_key, r.fingerprint, r.resource_id,
       case when r.state = 'COMPLETED' then null else r.created_at end,
       r.resource_id,
       case when r.state <> 'COMPLETED' then null
            when r.resource_type = 'PAYMENT' then
                json_build_object('id', p.id, 'orderId', p.order_id, 'userId', p.user_id,
                                  'status', r.response_status,
                                  'amount', json_build_object('amount', p.amount, 'currency', p.currency),
                                  'declineCode', r.response_code,
                                  'createdAt', to_char(p.created_at at time zone 'UTC',
                                                       'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
            else
                json_build_object('id', f.id, 'paymentId', f.payment_id,
                                  'amount', json_build_object('amount', f.amount, 'currency', f.currency),
                                  'status', r.response_status)::text
       end,
       r.created_at, r.completed_at
from idempotency_record r
left join payment p on r.resource_type = 'PAYMENT' and p.id = r.resource_id
left join refund f on r.resource_type = 'REFUND' and f.id = r.resource_id
-- A key whose resource is gone (never committed) was never used.
where p.id is not null or f.id is not null;

drop table idempotency_record;
