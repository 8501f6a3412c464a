package io.wxops.devkit.simulator;

import java.time.Instant;

/**
 * A preview accepted by {@code POST /cgi-bin/message/mass/preview}.
 *
 * @param appId the AppID whose token sent it
 * @param toUser the {@code touser} openid, or null
 * @param toWxName the {@code towxname} WeChat id, or null (it wins over {@code toUser} on
 * the platform)
 * @param msgType {@code mpnews}, {@code text}, {@code image}, {@code voice} or
 * {@code mpvideo}
 * @param content the text of a {@code text} preview, otherwise null
 * @param mediaId the {@code media_id} of any other type, otherwise null
 * @param msgId the {@code msg_id} answered
 * @param previewedAt when it was accepted, on the simulator clock
 */
public record RecordedPreview(String appId, String toUser, String toWxName, String msgType, String content,
		String mediaId, long msgId, Instant previewedAt) {

}
