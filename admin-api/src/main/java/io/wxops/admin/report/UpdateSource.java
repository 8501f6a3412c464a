package io.wxops.admin.report;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where updates of accounts come from. The reports and the self-inspection take the
 * updates of every source bean; a source for free publishes (not deleted) or for items
 * the data cube lists as published outside this system is added as another bean.
 */
public interface UpdateSource {

	/**
	 * The accounts' updates on their local days from {@code from} to {@code to}, both
	 * included.
	 */
	List<Update> updates(Collection<Long> accounts, LocalDate from, LocalDate to);

	/**
	 * The local day of each account's last update on or before {@code asOf} (accounts
	 * without one are left out).
	 */
	Map<Long, LocalDate> lastUpdateDays(Collection<Long> accounts, LocalDate asOf);

}
