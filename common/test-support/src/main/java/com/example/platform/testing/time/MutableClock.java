package com.example.platform.testing.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock that stands still until a test advances it.
 */
public final class MutableClock extends Clock {

	private Instant now;

	/**
	 * @param now the time it shows until advanced
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * @param duration how far to move the time on
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
