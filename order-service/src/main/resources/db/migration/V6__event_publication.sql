-- The outbox: Spring Modulith's event publication registry (the first layout of its JDBC
-- store, spring.modulith.events.jdbc.use-legacy-structure), as in payment-service. An order
-- event is stored here in the transaction of the change that raises it, and completed once
-- the broker has acknowledged it.
CREATE TABLE event_publication (
    id                     UUID                     NOT NULL PRIMARY KEY,
    listener_id            TEXT                     NOT NULL,
    event_type             TEXT                     NOT NULL,
    serialized_event       TEXT                     NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
