/**
 * Accounts: registration, the password and email rules, and who may see which profile.
 */
package com.example.platform.user.accounts;
