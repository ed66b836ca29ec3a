/**
 * Web filters and error handling of the gateway: request ids and trace context, body
 * limit, identity header removal, and problem+json for every error.
 */
package com.example.platform.gateway.web;
