package io.wxops.devkit.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A way the WeChat API can fail, injected with
 * {@link WeChatApiSimulator#failNext(String, SimulatedFailure, int)}.
 */
public sealed interface SimulatedFailure {

	/**
	 * WeChat's usual way to fail: HTTP 200 with {@code {"errcode":code,"errmsg":msg}}.
	 * @param code the errcode, for example {@code -1} (system busy) or {@code 45009}
	 * @param msg the errmsg
	 * @return the failure
	 */
	static SimulatedFailure errcode(int code, String msg) {
		return new Errcode(code, msg);
	}

	/**
	 * An HTTP error status from WeChat's front end, with an HTML body as a proxy would
	 * send.
	 * @param status the status, normally 5xx
	 * @return the failure
	 */
	static SimulatedFailure httpStatus(int status) {
		return new HttpStatus(status);
	}

	/**
	 * The normal answer, sent only after {@code delay}: a client with a shorter read
	 * timeout gives up, while the platform has still done the work.
	 * @param delay how long to hold the answer
	 * @return the failure
	 */
	static SimulatedFailure delay(Duration delay) {
		return new Delay(delay);
	}

	/**
	 * The connection is reset before any answer.
	 * @return the failure
	 */
	static SimulatedFailure connectionReset() {
		return new ConnectionReset();
	}

	/** See {@link SimulatedFailure#errcode(int, String)}. */
	record Errcode(int code, String msg) implements SimulatedFailure {

		public Errcode {
			Objects.requireNonNull(msg, "msg");
		}

	}

	/** See {@link SimulatedFailure#httpStatus(int)}. */
	record HttpStatus(int status) implements SimulatedFailure {

		public HttpStatus {
			if (status < 400 || status > 599) {
				throw new IllegalArgumentException("Expected an HTTP error status, got " + status);
			}
		}

	}

	/** See {@link SimulatedFailure#delay(Duration)}. */
	record Delay(Duration delay) implements SimulatedFailure {

		public Delay {
			if (delay == null || delay.isNegative()) {
				throw new IllegalArgumentException("Expected a positive delay, got " + delay);
			}
		}

	}

	/** See {@link SimulatedFailure#connectionReset()}. */
	record ConnectionReset() implements SimulatedFailure {

	}

}
