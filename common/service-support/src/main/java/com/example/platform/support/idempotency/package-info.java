/**
 * Idempotent requests: a key scoped to the caller claimed in the service's own table, the
 * request's fingerprint, the decision (new, replay, in flight, reused with another body),
 * a lease renewed while the owner works and taken over when it died, the stored answer,
 * and the purge after the retention.
 */
package com.example.platform.support.idempotency;
