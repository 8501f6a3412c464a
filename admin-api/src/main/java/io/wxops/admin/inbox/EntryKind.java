package io.wxops.admin.inbox;

/**
 * What an item of a ticket's thread is. The names are the stored strings.
 */
public enum EntryKind {

	/** A message from the follower. */
	IN,
	/** A message to the follower: a reply or the acknowledgement. */
	OUT,
	/** A handler's internal note. */
	NOTE,
	/** Something that happened to the ticket (transfer, status, escalation...). */
	EVENT;

	/**
	 * Whether it carries the follower's or the account's words (ended with the thread).
	 */
	public boolean message() {
		return this == IN || this == OUT;
	}

}
