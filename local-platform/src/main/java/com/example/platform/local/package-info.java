/**
 * The local platform: embedded PostgreSQL, every service in its own JVM, readiness,
 * figures and a clean stop; a command
 * ({@link com.example.platform.local.LocalPlatformMain}) and a library
 * ({@link com.example.platform.local.LocalPlatform}).
 */
package com.example.platform.local;
