/**
 * Bean Validation constraints for what every service's request records must refuse.
 */
package com.example.platform.support.validation;
