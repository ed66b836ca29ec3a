/**
 * Accounts, password rules, the login throttle and the use cases over them.
 */
package com.example.platform.user.domain;
