package com.example.platform.edge;

/**
 * The health probes every process answers on its application port ({@code /livez},
 * {@code /readyz}, Boot's additional probe paths). An orchestrator calls them every few
 * seconds: they are neither traced nor access-logged, so traces and logs show traffic.
 */
public final class Probes {

	/** The liveness probe. */
	public static final String LIVENESS = "/livez";

	/** The readiness probe. */
	public static final String READINESS = "/readyz";

	private Probes() {
	}

	/**
	 * @param path a request path
	 * @return whether it is one of the probes
	 */
	public static boolean isProbe(String path) {
		return LIVENESS.equals(path) || READINESS.equals(path);
	}

}
