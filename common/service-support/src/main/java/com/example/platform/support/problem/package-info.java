/**
 * RFC 9457 problem details: stable types, and the translation of framework errors into
 * them.
 */
package com.example.platform.support.problem;
