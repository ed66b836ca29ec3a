/**
 * SQL stores implementing the concepts' ports with plain JDBC.
 */
package com.example.platform.payment.persistence;
