/**
 * What operating a service needs: the management port's own security, one access log line
 * per request inside its trace, and the request id on outgoing calls.
 */
package com.example.platform.support.operations;
