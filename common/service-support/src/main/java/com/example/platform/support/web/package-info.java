/**
 * Servlet filters and the error controller every service shares.
 */
package com.example.platform.support.web;
