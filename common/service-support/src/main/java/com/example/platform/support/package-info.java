/**
 * The baseline every servlet service of the platform shares, with no business knowledge.
 */
package com.example.platform.support;
