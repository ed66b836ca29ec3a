/**
 * Time that tests move by hand, for code that takes a {@link java.time.Clock}.
 */
package com.example.platform.testing.time;
