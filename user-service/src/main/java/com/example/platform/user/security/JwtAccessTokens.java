package com.example.platform.user.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.example.platform.user.accounts.UserAccount;
import com.example.platform.user.login.AccessTokens;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/**
 * Users' access tokens: RS256 JWTs with {@code iss}, {@code sub} (the user id),
 * {@code iat}, {@code exp} and a unique {@code jti}, signed through Spring Security's
 * {@link JwtEncoder}.
 */
public class JwtAccessTokens implements AccessTokens {

	private final JwtEncoder encoder;

	private final String issuer;

	private final Duration ttl;

	private final Clock clock;

	/**
	 * @param encoder signs with the platform key
	 * @param issuer the {@code iss} claim
	 * @param ttl lifetime of a token
	 * @param clock time source
	 */
	public JwtAccessTokens(JwtEncoder encoder, String issuer, Duration ttl, Clock clock) {
		this.encoder = encoder;
		this.issuer = issuer;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public IssuedToken issueFor(UserAccount account) {
		Instant now = this.clock.instant();
		JwtClaimsSet claims = JwtClaimsSet.builder()
			.issuer(this.issuer)
			.subject(account.getId().toString())
			.issuedAt(now)
			.expiresAt(now.plus(this.ttl))
			.id(UUID.randomUUID().toString())
			.build();
		JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).type("JWT").build();
		String token = this.encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
		return new IssuedToken(token, this.ttl);
	}

}
