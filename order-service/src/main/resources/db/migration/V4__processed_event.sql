-- The events this service has applied, marked in the transaction of their effect: a
-- redelivered event finds its mark and is not applied twice. Purged after a retention.
CREATE TABLE processed_event (
    event_id     UUID                     NOT NULL PRIMARY KEY,
    processed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX processed_event_by_processed_at_idx ON processed_event (processed_at);
