/**
 * The user service's HTTP API: controllers, request and response records, problem
 * mapping.
 */
package com.example.platform.user.api;
