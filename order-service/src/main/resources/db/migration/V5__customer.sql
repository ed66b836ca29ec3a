-- The customers this service knows: its own replica of user-service's accounts, so an order's
-- customer check needs no call while the user service is down. Filled from UserRegistered
-- events (users.v1) and from the user service's answers to lookups: accounts registered before
-- the events existed, or whose event has not arrived yet, are recorded on their first order.
-- Only the id and the registration time: no personal data.
CREATE TABLE customer (
    user_id       UUID                     NOT NULL PRIMARY KEY,
    -- From the event; null for a customer learned from a lookup until its event arrives.
    registered_at TIMESTAMP WITH TIME ZONE,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
