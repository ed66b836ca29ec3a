package com.example.platform.user.api;

/**
 * A successful login.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer ...}
 * @param tokenType always {@code Bearer}
 * @param expiresIn the token's lifetime in seconds
 */
record TokenResponse(String accessToken, String tokenType, long expiresIn) {
}
