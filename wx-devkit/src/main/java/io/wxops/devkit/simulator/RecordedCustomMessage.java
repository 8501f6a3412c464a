package io.wxops.devkit.simulator;

import java.time.Instant;

/**
 * A customer-service message accepted by {@code POST /cgi-bin/message/custom/send}.
 *
 * @param appId the AppID whose token sent it
 * @param openid the {@code touser} openid
 * @param msgType the {@code msgtype}, for example {@code text} or {@code image}
 * @param content the text of a {@code text} message, otherwise null
 * @param mediaId the {@code media_id} of an {@code image}, {@code voice}, {@code video}
 * or {@code mpnews} message, otherwise null
 * @param sentAt when it was accepted, on the simulator clock
 */
public record RecordedCustomMessage(String appId, String openid, String msgType, String content, String mediaId,
		Instant sentAt) {

}
