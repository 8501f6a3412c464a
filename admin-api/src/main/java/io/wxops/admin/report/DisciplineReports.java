package io.wxops.admin.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.stereotype.Service;

/**
 * Review and send discipline (先审后发, 分级审核): article review rounds by sensitivity, the
 * review levels that decided, rejections, time in review, and the sends with WeChat's
 * results and failures.
 */
@Service
public class DisciplineReports {

	static final List<String> SENSITIVITIES = List.of("GENERAL", "SENSITIVE", "MAJOR");

	static final List<String> LEVELS = List.of("DEPT_REVIEWER", "OFFICE_REVIEWER", "LEADER");

	/** CopyrightCheckResult's CheckState 3: judged a reprint that may not be sent. */
	private static final Pattern COPYRIGHT_REFUSED = Pattern.compile("\"CheckState\"\\s*:\\s*\"?3\\b");

	@Schema(description = "Review rounds (submissions) of one sensitivity in the period: of articles, and of TEXT/IMAGE sends")
	public record SensitivityCount(String sensitivity, int articleRounds, int articles, int sendReviews, int approved,
			int rejected, int inReview) {
	}

	@Schema(description = "Decisions taken at one review level")
	public record LevelUse(String level, int approved, int rejected) {
	}

	@Schema(description = "A rejection: of an article's round (kind ARTICLE, id = article id) or of a send (kind SEND, id = send id)")
	public record Rejection(String kind, long id, long accountId, int round, String level, Instant decidedAt) {
	}

	@Schema(description = "A send of the period with WeChat's results")
	public record SendResult(long sendId, long accountId, LocalDate day, String kind, String status, Integer totalCount,
			Integer filterCount, Integer sentCount, Integer errorCount,
			@Schema(description = "WeChat's copyright check refused an article (CheckState 3)") boolean copyrightRefused,
			Integer errorCode, String errorMessage, String wechatStatus, List<Long> articleIds) {
	}

	@Schema(description = "Review and send discipline of the accounts over the period (rounds submitted and sends "
			+ "held on its local days)")
	public record DisciplineReport(LocalDate from, LocalDate to, List<SensitivityCount> sensitivities,
			List<LevelUse> levels, List<Rejection> rejections,
			@Schema(description = "Median time from submission to the round's last decision (rejection or final "
					+ "approval), seconds, nearest rank; decided rounds only") Long reviewMedianSeconds,
			Long reviewP90Seconds, int sends, int finished, int failed, long totalCount, long filterCount,
			long sentCount, long errorCount, int copyrightRefusals, List<SendResult> failedSends,
			List<SendResult> sendResults) {
	}

	private final ReportMapper reports;

	DisciplineReports(ReportMapper reports) {
		this.reports = reports;
	}

	DisciplineReport report(List<ReportAccount> accounts, ReportScope.Period period) {
		if (accounts.isEmpty()) {
			return new DisciplineReport(period.from(), period.to(), sensitivityRows(Map.of()), levelRows(Map.of()),
					List.of(), null, null, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of());
		}
		Map<Long, ReportAccount> byId = new HashMap<>();
		accounts.forEach((a) -> byId.put(a.id(), a));
		Instant from = period.earliestStart(accounts);
		Instant to = period.latestEnd(accounts);
		Map<String, int[]> sens = new HashMap<>();
		Map<String, int[]> levels = new HashMap<>();
		List<Rejection> rejections = new ArrayList<>();
		List<Long> reviewSeconds = new ArrayList<>();

		// Article rounds: key article:round.
		Map<String, Map<String, Object>> rounds = new LinkedHashMap<>();
		Map<String, java.util.Set<Long>> articlesBySensitivity = new HashMap<>();
		for (Map<String, Object> r : this.reports.reviewRounds(byId.keySet(), from, to)) {
			ReportAccount a = byId.get(Rows.lng(r, "account_id"));
			if (period.contains(a.dayOf(Rows.instant(r, "submitted_at")))) {
				rounds.put(Rows.lng(r, "article_id") + ":" + Rows.lng(r, "review_round"), r);
			}
		}
		Map<String, List<Map<String, Object>>> decisions = new HashMap<>();
		for (Map<String, Object> d : this.reports.reviewDecisions(byId.keySet(), from, to)) {
			String key = Rows.lng(d, "article_id") + ":" + Rows.lng(d, "review_round");
			if (rounds.containsKey(key)) {
				decisions.computeIfAbsent(key, (k) -> new ArrayList<>()).add(d);
			}
		}
		for (Map.Entry<String, Map<String, Object>> e : rounds.entrySet()) {
			Map<String, Object> r = e.getValue();
			String s = Rows.str(r, "sensitivity");
			int[] c = sens.computeIfAbsent(s, (k) -> new int[6]);
			c[0]++;
			articlesBySensitivity.computeIfAbsent(s, (k) -> new java.util.HashSet<>()).add(Rows.lng(r, "article_id"));
			int levelCount = Arrays.asList(Rows.str(r, "levels").split(",")).size();
			List<Map<String, Object>> ds = decisions.getOrDefault(e.getKey(), List.of());
			int approvals = 0;
			Instant last = null;
			boolean rejected = false;
			for (Map<String, Object> d : ds) {
				boolean ok = "APPROVED".equals(Rows.str(d, "decision"));
				levels.computeIfAbsent(Rows.str(d, "level"), (k) -> new int[2])[ok ? 0 : 1]++;
				last = Rows.instant(d, "decided_at");
				if (ok) {
					approvals++;
				}
				else {
					rejected = true;
					rejections.add(new Rejection("ARTICLE", Rows.lng(r, "article_id"), Rows.lng(r, "account_id"),
							(int) Rows.lng(r, "review_round"), Rows.str(d, "level"), last));
				}
			}
			if (rejected) {
				c[4]++;
			}
			else if (approvals >= levelCount) {
				c[3]++;
			}
			else {
				c[5]++;
			}
			if ((rejected || approvals >= levelCount) && last != null) {
				reviewSeconds.add(Duration.between(Rows.instant(r, "submitted_at"), last).toSeconds());
			}
		}

		// TEXT and IMAGE send reviews.
		Map<Long, Map<String, Object>> sendReviews = new LinkedHashMap<>();
		for (Map<String, Object> r : this.reports.sendReviews(byId.keySet(), from, to)) {
			ReportAccount a = byId.get(Rows.lng(r, "account_id"));
			if (period.contains(a.dayOf(Rows.instant(r, "submitted_at")))) {
				sendReviews.put(Rows.lng(r, "send_id"), r);
			}
		}
		for (Map<String, Object> d : this.reports.sendReviewDecisions(byId.keySet(), from, to)) {
			Map<String, Object> r = sendReviews.get(Rows.lng(d, "send_id"));
			if (r == null) {
				continue;
			}
			boolean ok = "APPROVED".equals(Rows.str(d, "decision"));
			levels.computeIfAbsent(Rows.str(d, "level"), (k) -> new int[2])[ok ? 0 : 1]++;
			if (!ok) {
				rejections.add(new Rejection("SEND", Rows.lng(r, "send_id"), Rows.lng(r, "account_id"), 1,
						Rows.str(d, "level"), Rows.instant(r, "decided_at")));
			}
		}
		for (Map<String, Object> r : sendReviews.values()) {
			int[] c = sens.computeIfAbsent(Rows.str(r, "sensitivity"), (k) -> new int[6]);
			c[2]++;
			String status = Rows.str(r, "status");
			c["APPROVED".equals(status) ? 3 : "REJECTED".equals(status) ? 4 : 5]++;
			Instant decided = Rows.instant(r, "decided_at");
			if (decided != null && !"IN_REVIEW".equals(status)) {
				reviewSeconds.add(Duration.between(Rows.instant(r, "submitted_at"), decided).toSeconds());
			}
		}
		articlesBySensitivity.forEach((s, set) -> sens.get(s)[1] = set.size());
		rejections.sort(java.util.Comparator.comparing(Rejection::decidedAt,
				java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));

		// Sends.
		List<SendResult> results = new ArrayList<>();
		for (Map<String, Object> r : this.reports.sends(byId.keySet(), period.from(), period.to())) {
			String articles = Rows.str(r, "article_ids");
			String copyright = Rows.str(r, "copyright_result");
			results.add(new SendResult(Rows.lng(r, "id"), Rows.lng(r, "account_id"), Rows.date(r, "local_day"),
					Rows.str(r, "kind"), Rows.str(r, "status"), Rows.intOrNull(r, "total_count"),
					Rows.intOrNull(r, "filter_count"), Rows.intOrNull(r, "sent_count"),
					Rows.intOrNull(r, "error_count"), copyright != null && COPYRIGHT_REFUSED.matcher(copyright).find(),
					Rows.intOrNull(r, "error_code"), Rows.str(r, "error_message"), Rows.str(r, "wechat_status"),
					(articles == null || articles.isEmpty()) ? List.of()
							: Arrays.stream(articles.split(",")).map(Long::valueOf).toList()));
		}
		List<SendResult> failed = results.stream().filter((s) -> "FAILED".equals(s.status())).toList();
		return new DisciplineReport(period.from(), period.to(), sensitivityRows(sens), levelRows(levels), rejections,
				Stats.percentile(reviewSeconds, 0.5), Stats.percentile(reviewSeconds, 0.9), results.size(),
				(int) results.stream().filter((s) -> "FINISHED".equals(s.status())).count(), failed.size(),
				sum(results, SendResult::totalCount), sum(results, SendResult::filterCount),
				sum(results, SendResult::sentCount), sum(results, SendResult::errorCount),
				(int) results.stream().filter(SendResult::copyrightRefused).count(), failed, results);
	}

	private static long sum(List<SendResult> results, java.util.function.Function<SendResult, Integer> field) {
		return results.stream().map(field).filter(java.util.Objects::nonNull).mapToLong(Integer::longValue).sum();
	}

	private static List<SensitivityCount> sensitivityRows(Map<String, int[]> sens) {
		List<SensitivityCount> rows = new ArrayList<>();
		for (String s : SENSITIVITIES) {
			int[] c = sens.getOrDefault(s, new int[6]);
			rows.add(new SensitivityCount(s, c[0], c[1], c[2], c[3], c[4], c[5]));
		}
		return rows;
	}

	private static List<LevelUse> levelRows(Map<String, int[]> levels) {
		List<LevelUse> rows = new ArrayList<>();
		for (String l : LEVELS) {
			int[] c = levels.getOrDefault(l, new int[2]);
			rows.add(new LevelUse(l, c[0], c[1]));
		}
		return rows;
	}

}
