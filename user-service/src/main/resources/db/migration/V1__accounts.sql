-- Accounts. Email uniqueness is case-insensitive: the unique index is on lower(email), so of two
-- concurrent registrations of one address exactly one commits.
create table user_account (
    id            uuid         primary key,
    email         varchar(254) not null,
    name          varchar(100) not null,
    password_hash varchar(255) not null,
    created_at    timestamptz  not null
);

create unique index user_account_email_key on user_account (lower(email));

-- Failed logins per email key in the current throttle window (see LoginThrottle).
create table login_failure (
    email_key         varchar(254) primary key,
    failures          integer      not null,
    window_started_at timestamptz  not null
);

create index login_failure_window_started_at on login_failure (window_started_at);

-- The token signing key generated on first start when none is configured (local runs).
create table signing_key (
    id          varchar(64) primary key,
    private_key text        not null,
    created_at  timestamptz not null
);
