/**
 * Bookkeeping of work retried against a dependency: the attempts made, when the next one
 * is due, why the last one failed, and the one backoff policy every service uses.
 */
package com.example.platform.support.retry;
