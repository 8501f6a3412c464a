package io.wxops.admin.masssend;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import io.wxops.admin.article.Article;
import io.wxops.admin.web.ApiException;
import io.wxops.admin.web.Problem;
import io.wxops.core.account.Account;
import io.wxops.core.account.AccountType;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * How a send is stored: inserted claiming its day (and month slot), its articles, and
 * operators' changes checked against the version they read.
 */
@Component
class SendRecords {

	static final int SERVICE_SENDS_PER_MONTH = 4;

	private final MassSendMapper sends;

	private final MassSendArticleMapper sendArticles;

	private final SendClock clock;

	SendRecords(MassSendMapper sends, MassSendArticleMapper sendArticles, SendClock clock) {
		this.sends = sends;
		this.sendArticles = sendArticles;
		this.clock = clock;
	}

	/**
	 * Inserts the send, claiming its local day and, for a service account, one of the
	 * month's {@value #SERVICE_SENDS_PER_MONTH} slots: unique keys decide, so composes
	 * arriving together cannot exceed either (a count read first could not stop them).
	 * Then gives it the clientmsgid derived from its id, so every attempt at this send
	 * carries the same one.
	 */
	void insert(MassSend s, Account account) {
		insertClaimingDayAndMonthSlot(s, account);
		s.setClientMsgId("wxops-send-" + s.getId());
		this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.set(MassSend::getClientMsgId, s.getClientMsgId()));
	}

	/** The send's articles in the order they go out, each with the hash approved. */
	void insertArticles(MassSend s, List<Article> chosen) {
		int position = 1;
		for (Article a : chosen) {
			MassSendArticle sa = new MassSendArticle();
			sa.setSendId(s.getId());
			sa.setPosition(position++);
			sa.setArticleId(a.getId());
			sa.setApprovedHash(a.getContentHash());
			this.sendArticles.insert(sa);
		}
	}

	void setDraftMediaId(MassSend s, String mediaId) {
		s.setDraftMediaId(mediaId);
		this.sends.update(null,
				Wrappers.<MassSend>lambdaUpdate()
					.eq(MassSend::getId, s.getId())
					.set(MassSend::getDraftMediaId, s.getDraftMediaId()));
	}

	/**
	 * Saves an operator's change of the send, if nobody changed it since it was read (its
	 * {@code @Version}); else 409 stale-version.
	 */
	void save(MassSend s) {
		s.setUpdatedAt(this.clock.now());
		if (this.sends.updateById(s) != 1) {
			throw ApiException.staleVersion("send");
		}
	}

	private void insertClaimingDayAndMonthSlot(MassSend s, Account account) {
		LocalDate day = s.getLocalDay();
		if (account.getAccountType() != AccountType.SERVICE) {
			try {
				this.sends.insert(s);
				return;
			}
			catch (DuplicateKeyException ex) {
				throw dayTaken(account, day);
			}
		}
		LocalDate first = day.withDayOfMonth(1);
		Set<Integer> taken = new LinkedHashSet<>(this.sends.monthSlotsTaken(account.getId(), first));
		for (int slot = 1; slot <= SERVICE_SENDS_PER_MONTH; slot++) {
			if (taken.contains(slot)) {
				continue;
			}
			s.setMonthSlot(slot);
			try {
				this.sends.insert(s);
				return;
			}
			catch (DuplicateKeyException ex) {
				// Another compose took this slot since it was read: try the next one.
				if (!String.valueOf(ex.getMessage()).contains("uk_send_month_slot")) {
					throw dayTaken(account, day);
				}
			}
		}
		LocalDate next = day.with(TemporalAdjusters.lastDayOfMonth()).plusDays(1);
		throw Problem.MONTHLY_QUOTA
			.exception("The account's mass sends for this month are used",
					"A service account has " + SERVICE_SENDS_PER_MONTH + " mass sends a month (counted in "
							+ account.getTimeZone() + "); the next free day is " + next
							+ ", or cancel a send of this month first.")
			.with("nextFreeDay", next.toString());
	}

	private ApiException dayTaken(Account account, LocalDate day) {
		Set<LocalDate> claimed = new LinkedHashSet<>(this.sends.claimedDaysFrom(account.getId(), day));
		LocalDate free = day;
		while (claimed.contains(free)) {
			free = free.plusDays(1);
		}
		return Problem.DAY_TAKEN
			.exception("There is already a mass send on " + day,
					"WeChat allows one mass send a day (微信每天只能群发一次), counted in the account's time zone ("
							+ account.getTimeZone() + "). The next free day is " + free
							+ "; or cancel the other send first.")
			.with("nextFreeDay", free.toString());
	}

}
