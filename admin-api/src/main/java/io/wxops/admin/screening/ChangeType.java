package io.wxops.admin.screening;

/**
 * How a lexicon version changed a term; the names are the strings stored in
 * {@code art_lexicon_change.change_type}.
 */
public enum ChangeType {

	ADD, REMOVE

}
