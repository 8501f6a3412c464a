package io.wxops.admin.report;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the reports and the self-inspection ({@code wxops.admin.reports},
 * described in {@code config/admin-api.example.yml} and README "Reports and
 * self-inspection"). The defaults follow 国办秘函〔2019〕19号 (no update within the two weeks
 * before the check is a single veto) and the provincial schemes built on it that expect
 * an update every 10 days; provinces differ, so each is configuration.
 *
 * @param updateWarningDays local days without an update from which the posting indicator
 * is a warning
 * @param updateVetoDays local days without an update from which it is a veto (单项否决)
 * @param burstWindow largest gap between updates that still makes them one burst
 * @param burstMinItems updates within the window that count as a burst
 * @param unansweredWarningDays an open ticket without a delivered human reply older than
 * this (local days since the follower wrote) makes the interaction indicator a warning
 * @param unansweredVetoDays ... and older than this a veto (留言长期不回复)
 * @param ackSameDayWarningShare a same-day acknowledgement share (0 to 1) below this in
 * the inspected period is a warning
 * @param inspectionDays the period the self-inspection looks back over, ending on the
 * report date
 * @param maxRangeDays longest period a report may cover
 */
@ConfigurationProperties("wxops.admin.reports")
public record ReportProperties(@DefaultValue("10") int updateWarningDays, @DefaultValue("14") int updateVetoDays,
		@DefaultValue("10m") Duration burstWindow, @DefaultValue("3") int burstMinItems,
		@DefaultValue("3") int unansweredWarningDays, @DefaultValue("14") int unansweredVetoDays,
		@DefaultValue("0.9") double ackSameDayWarningShare, @DefaultValue("90") int inspectionDays,
		@DefaultValue("366") int maxRangeDays) {

}
