/**
 * How the test servers run: in Docker when an engine answers, otherwise embedded.
 */
@NullMarked
package com.example.platform.testing.docker;

import org.jspecify.annotations.NullMarked;
