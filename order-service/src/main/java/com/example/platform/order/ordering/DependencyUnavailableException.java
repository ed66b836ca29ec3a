package com.example.platform.order.ordering;

/**
 * Another service did not answer usefully (down, slow, circuit open, or a 5xx). For calls
 * whose effect is unknown (a charge), the caller must treat the outcome as pending, never
 * as failed.
 */
public class DependencyUnavailableException extends RuntimeException {

	/**
	 * @param dependency which service
	 * @param cause what happened
	 */
	public DependencyUnavailableException(String dependency, Throwable cause) {
		super("The " + dependency + " is unavailable. Please retry later.", cause);
	}

}
