package com.example.platform.performance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One workload against one target, offered at rising arrival rates (steps of equal
 * length, one after the other): records every step's response times and errors, and
 * decides the sustained rate, the highest step whose 99th percentile stayed under the
 * bound with no error.
 * <p>
 * Once {@code breaksToStop} steps in a row have broken the bound, the remaining steps are
 * skipped (their users leave without a request), so an overloaded target is not kept
 * overloaded and one noisy step does not end the ramp.
 */
final class Ramp {

	private final String target;

	private final String workload;

	private final List<Step> steps = new ArrayList<>();

	private final long p99BoundMs;

	private final int breaksToStop;

	Ramp(String target, String workload, List<Double> rates, long p99BoundMs, int breaksToStop) {
		this.target = target;
		this.workload = workload;
		this.p99BoundMs = p99BoundMs;
		this.breaksToStop = breaksToStop;
		for (int i = 0; i < rates.size(); i++) {
			this.steps.add(new Step(i, rates.get(i)));
		}
	}

	String target() {
		return this.target;
	}

	String workload() {
		return this.workload;
	}

	long p99BoundMs() {
		return this.p99BoundMs;
	}

	List<Step> steps() {
		return List.copyOf(this.steps);
	}

	/**
	 * Whether step {@code index} should send nothing. Called by its users, which start
	 * only after every earlier step's users have finished, so the earlier steps are
	 * complete.
	 * @param index the step about to run
	 * @return true once {@code breaksToStop} consecutive earlier steps broke the bound
	 */
	boolean skip(int index) {
		int consecutive = 0;
		for (int i = 0; i < index; i++) {
			Step step = this.steps.get(i);
			if (step.skipped()) {
				return true;
			}
			consecutive = step.withinBound(this.p99BoundMs) ? 0 : consecutive + 1;
			if (consecutive >= this.breaksToStop) {
				return true;
			}
		}
		return false;
	}

	/**
	 * @return the highest rate whose step stayed under the bound without errors, or 0 if
	 * none did
	 */
	double sustainedRate() {
		return this.steps.stream()
			.filter(step -> !step.skipped() && step.withinBound(this.p99BoundMs))
			.mapToDouble(Step::rate)
			.max()
			.orElse(0);
	}

	/**
	 * @return whether the top step stayed under the bound: the target can do more than
	 * this ramp offered, so the sustained rate is a lower limit
	 */
	boolean topReached() {
		Step top = this.steps.get(this.steps.size() - 1);
		return !top.skipped() && top.withinBound(this.p99BoundMs);
	}

	/**
	 * One arrival rate, offered for a fixed time.
	 */
	static final class Step {

		private final int index;

		private final double rate;

		private long[] millis = new long[1024];

		private int samples;

		private int errors;

		private int journeys;

		private Long p99;

		Step(int index, double rate) {
			this.index = index;
			this.rate = rate;
		}

		int index() {
			return this.index;
		}

		double rate() {
			return this.rate;
		}

		synchronized void record(List<Long> responseTimes, boolean failed) {
			this.journeys++;
			if (failed) {
				this.errors++;
			}
			for (long ms : responseTimes) {
				if (this.samples == this.millis.length) {
					this.millis = Arrays.copyOf(this.millis, this.samples * 2);
				}
				this.millis[this.samples++] = ms;
			}
			this.p99 = null;
		}

		synchronized boolean skipped() {
			return this.journeys == 0;
		}

		synchronized int journeys() {
			return this.journeys;
		}

		synchronized int errors() {
			return this.errors;
		}

		/**
		 * @return the 99th percentile of the recorded response times (nearest rank), -1
		 * without samples
		 */
		synchronized long p99() {
			if (this.samples == 0) {
				return -1;
			}
			if (this.p99 == null) {
				long[] sorted = Arrays.copyOf(this.millis, this.samples);
				Arrays.sort(sorted);
				this.p99 = sorted[(int) Math.ceil(0.99 * sorted.length) - 1];
			}
			return this.p99;
		}

		boolean withinBound(long boundMs) {
			return errors() == 0 && p99() >= 0 && p99() < boundMs;
		}

		String describe(long boundMs) {
			if (skipped()) {
				return String.format(Locale.ROOT, "%8.1f/s  skipped", this.rate);
			}
			return String.format(Locale.ROOT, "%8.1f/s  %6d done  p99 %5d ms  %4d errors  %s", this.rate, journeys(),
					p99(), errors(), withinBound(boundMs) ? "ok" : "OVER");
		}

	}

}
