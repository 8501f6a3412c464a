package io.wxops.admin.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Medians and percentiles by the nearest-rank method: the value at rank ⌈p·n⌉. */
final class Stats {

	private Stats() {
	}

	static Long percentile(List<Long> values, double p) {
		if (values.isEmpty()) {
			return null;
		}
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int rank = (int) Math.ceil(p * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}

	static Double share(long part, long whole) {
		return (whole == 0) ? null : Math.round(part * 10000.0 / whole) / 10000.0;
	}

}
