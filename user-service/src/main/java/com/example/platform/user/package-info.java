/**
 * The user service: accounts, login, and the platform's token issuer.
 */
package com.example.platform.user;
