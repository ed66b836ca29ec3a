/**
 * Base of the producer verification tests generated from the consumers' contracts.
 */
package com.example.platform.user.contract;
