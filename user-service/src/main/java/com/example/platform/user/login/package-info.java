/**
 * Login: credential checks under a per-address throttle, and the port that issues the
 * access token.
 */
package com.example.platform.user.login;
