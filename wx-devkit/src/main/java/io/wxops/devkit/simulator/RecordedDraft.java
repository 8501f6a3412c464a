package io.wxops.devkit.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A draft the simulated platform stored from {@code POST /cgi-bin/draft/add}.
 *
 * @param appId the AppID whose token added it
 * @param mediaId the {@code media_id} answered, {@code DRAFT_<random>}
 * @param articles the articles as sent, one map per article with WeChat's field names
 * ({@code title}, {@code content}, {@code thumb_media_id}...); JSON numbers are
 * {@code Long} when whole, otherwise {@code Double}
 * @param createdAt when it was added, on the simulator clock
 */
public record RecordedDraft(String appId, String mediaId, List<Map<String, Object>> articles, Instant createdAt) {

	public RecordedDraft {
		articles = List.copyOf(articles);
	}

}
