package io.wxops.admin.masssend;

import java.util.List;

import com.baomidou.mybatisplus.core.toolkit.Wrappers;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.masssend.MassSendViews.SendView;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.ApiException;

import org.springframework.stereotype.Service;

/**
 * Reading mass sends: an account's list and one send, as far as the caller's grants
 * reach. Composing is {@link SendComposer}'s, previewing and confirming
 * {@link SendPreviews}', cancelling and deleting {@link SendRemovals}', sending
 * {@link MassSendExecutor}'s.
 */
@Service
public class MassSendService {

	/** Mass sends a service account has per month (in its local months). */
	public static final int SERVICE_SENDS_PER_MONTH = SendRecords.SERVICE_SENDS_PER_MONTH;

	/** The longest list of sends one request answers with, newest slot first. */
	static final int LIST_MAX = 200;

	private final MassSendMapper sends;

	private final AccountAccess accountAccess;

	private final SendViews views;

	MassSendService(MassSendMapper sends, AccountAccess accountAccess, SendViews views) {
		this.sends = sends;
		this.accountAccess = accountAccess;
		this.views = views;
	}

	/**
	 * @param status only sends in this status (a name no send ever has matches none), or
	 * all when null
	 */
	public List<SendView> list(Caller caller, long accountId, String status) {
		this.accountAccess.visible(caller, accountId);
		SendStatus only = (status != null) ? SendStatus.parse(status) : null;
		if (status != null && only == null) {
			return List.of();
		}
		return this.sends
			.selectPage(Page.of(1, LIST_MAX, false),
					Wrappers.<MassSend>lambdaQuery()
						.eq(MassSend::getAccountId, accountId)
						.eq(only != null, MassSend::getStatus, only)
						.orderByDesc(MassSend::getSlotAt))
			.getRecords()
			.stream()
			.map(this.views::view)
			.toList();
	}

	public SendView get(Caller caller, long id) {
		return this.views.view(visible(caller, id));
	}

	SendView view(MassSend s) {
		return this.views.view(s);
	}

	/**
	 * The send, for a PUBLISHER of its account to act on: 404 when the caller holds no
	 * role there, 403 when not PUBLISHER.
	 */
	MassSend forPublisher(Caller caller, long id) {
		MassSend s = visible(caller, id);
		caller.require(s.getAccountId(), Role.PUBLISHER);
		return s;
	}

	/** The send, when the caller holds any role on its account; else 404. */
	MassSend visible(Caller caller, long id) {
		MassSend s = this.sends.selectById(id);
		if (s == null || !caller.can(s.getAccountId(), Role.values())) {
			throw ApiException.notFound("Send", id);
		}
		return s;
	}

}
