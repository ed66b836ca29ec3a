package com.example.platform.local;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets for database passwords and client secrets, new at every start.
 */
final class Secrets {

	private static final SecureRandom random = new SecureRandom();

	private Secrets() {
	}

	static String random() {
		byte[] bytes = new byte[18];
		random.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
