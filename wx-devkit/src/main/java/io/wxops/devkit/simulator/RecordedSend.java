package io.wxops.devkit.simulator;

import java.time.Instant;

/**
 * A mass send accepted by {@code POST /cgi-bin/message/mass/sendall} or {@code /send}:
 * the platform took the job and counted it against the quota.
 *
 * @param appId the AppID whose token sent it
 * @param msgId the {@code msg_id} answered (unique, increasing)
 * @param msgDataId the {@code msg_data_id} answered
 * @param msgType the {@code msgtype} of the request
 * @param audience {@code all} ({@code filter.is_to_all=true}), {@code tag:<tag_id>}, or
 * {@code openids:<n>} for {@code /send} to a list of n openids
 * @param clientMsgId the {@code clientmsgid} sent, or null when the request had none
 * @param requestJson the request body as received
 * @param sentAt when it was accepted, on the simulator clock
 * @param status {@code SEND_SUCCESS}, or {@code DELETE} after
 * {@code /cgi-bin/message/mass/delete}; as at the time the record was taken
 */
public record RecordedSend(String appId, long msgId, long msgDataId, String msgType, String audience,
		String clientMsgId, String requestJson, Instant sentAt, String status) {

}
