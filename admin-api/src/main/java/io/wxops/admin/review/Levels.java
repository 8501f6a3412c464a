package io.wxops.admin.review;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.wxops.core.account.ReviewLevel;

/** The stored form of a review chain: its levels in signing order, comma-separated. */
final class Levels {

	private Levels() {
	}

	static String format(List<ReviewLevel> levels) {
		return levels.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static List<ReviewLevel> parse(String stored) {
		return Arrays.stream(stored.split(",")).map(String::trim).map(ReviewLevel::valueOf).toList();
	}

}
