package io.wxops.gateway.callback;

/** A callback refused before anything was stored. */
public class CallbackRejectedException extends RuntimeException {

	private final Rejection rejection;

	public CallbackRejectedException(Rejection rejection) {
		super(rejection.detail(), null, false, false);
		this.rejection = rejection;
	}

	public CallbackRejectedException(Rejection rejection, String detail) {
		super(detail, null, false, false);
		this.rejection = rejection;
	}

	public Rejection rejection() {
		return this.rejection;
	}

}
