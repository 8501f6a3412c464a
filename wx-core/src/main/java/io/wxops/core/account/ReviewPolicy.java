package io.wxops.core.account;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The review levels an account requires per sensitivity, e.g. GENERAL → department head;
 * SENSITIVE → department head, central office; MAJOR → also the supervising leader.
 * Stored as {@code GENERAL=DEPT_REVIEWER;SENSITIVE=DEPT_REVIEWER,OFFICE_REVIEWER;...}.
 */
public record ReviewPolicy(Map<Sensitivity, List<ReviewLevel>> levels) {

	public static final ReviewPolicy DEFAULT = parse(
			"GENERAL=DEPT_REVIEWER;SENSITIVE=DEPT_REVIEWER,OFFICE_REVIEWER;MAJOR=DEPT_REVIEWER,OFFICE_REVIEWER,LEADER");

	public ReviewPolicy {
		EnumMap<Sensitivity, List<ReviewLevel>> copy = new EnumMap<>(Sensitivity.class);
		levels.forEach((k, v) -> copy.put(k, List.copyOf(v)));
		levels = java.util.Collections.unmodifiableMap(copy);
	}

	/**
	 * Why these levels are not a usable policy, or null when they are: every sensitivity
	 * needs at least one level, no level twice, levels in signing order.
	 */
	public static String problemWith(Map<Sensitivity, List<ReviewLevel>> levels) {
		for (Sensitivity s : Sensitivity.values()) {
			List<ReviewLevel> chain = levels.get(s);
			if (chain == null || chain.isEmpty()) {
				return s + " needs at least one review level";
			}
			if (chain.stream().anyMatch(java.util.Objects::isNull)) {
				return s + " lists an empty review level (null)";
			}
			if (new LinkedHashSet<>(chain).size() != chain.size()) {
				return s + " lists a review level twice";
			}
			List<ReviewLevel> sorted = new ArrayList<>(chain);
			sorted.sort(null);
			if (!sorted.equals(chain)) {
				return s + " must list levels in signing order: DEPT_REVIEWER, OFFICE_REVIEWER, LEADER";
			}
		}
		return null;
	}

	public List<ReviewLevel> levelsFor(Sensitivity sensitivity) {
		return this.levels.get(sensitivity);
	}

	public static ReviewPolicy parse(String stored) {
		Map<Sensitivity, List<ReviewLevel>> levels = new EnumMap<>(Sensitivity.class);
		for (String part : stored.split(";")) {
			String[] kv = part.split("=", 2);
			List<ReviewLevel> chain = new ArrayList<>();
			for (String level : kv[1].split(",")) {
				chain.add(ReviewLevel.valueOf(level.trim()));
			}
			levels.put(Sensitivity.valueOf(kv[0].trim()), chain);
		}
		return new ReviewPolicy(levels);
	}

	public String format() {
		return this.levels.entrySet()
			.stream()
			.map((e) -> e.getKey() + "=" + e.getValue().stream().map(Enum::name).collect(Collectors.joining(",")))
			.collect(Collectors.joining(";"));
	}

}
