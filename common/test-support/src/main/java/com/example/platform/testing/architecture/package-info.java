/**
 * Architecture rules shared by every service's ArchUnit test.
 */
package com.example.platform.testing.architecture;
