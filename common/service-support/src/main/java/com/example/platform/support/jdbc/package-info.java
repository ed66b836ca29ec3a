/**
 * Small helpers the services' plain-SQL stores share: typed parameters that may be null,
 * columns read back as instants.
 */
package com.example.platform.support.jdbc;
