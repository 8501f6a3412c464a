package io.wxops.devkit.simulator;

/**
 * An official account as WeChat's side knows it: what it signs and encrypts callbacks
 * with.
 *
 * @param mode {@code PLAINTEXT}, {@code COMPATIBLE} or {@code SAFE}, as set on the
 * console
 */
public record SimulatedAccount(String appId, String originalId, String token, String aesKey, Mode mode) {

	/** The console's message encryption mode. */
	public enum Mode {

		PLAINTEXT, COMPATIBLE, SAFE

	}

	public SimulatedAccount withMode(Mode newMode) {
		return new SimulatedAccount(this.appId, this.originalId, this.token, this.aesKey, newMode);
	}

	@Override
	public String toString() {
		return "SimulatedAccount[appId=" + this.appId + ", mode=" + this.mode + "]";
	}

}
