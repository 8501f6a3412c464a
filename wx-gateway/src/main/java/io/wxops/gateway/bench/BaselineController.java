package io.wxops.gateway.bench;

import java.io.IOException;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.gateway.GatewayProperties;
import io.wxops.gateway.account.AccountDirectory;
import io.wxops.gateway.callback.CallbackController;
import io.wxops.gateway.callback.CallbackParams;
import io.wxops.gateway.callback.CallbackReader;
import io.wxops.gateway.callback.CallbackRejectedException;
import io.wxops.gateway.callback.Rejection;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The benchmark's no-I/O baseline: the same HTTP path, verification, decryption and
 * parsing as the real callback, but no Redis and no database. Only with
 * {@code wxops.gateway.baseline-endpoint=true}.
 */
@RestController
@ConditionalOnBooleanProperty("wxops.gateway.baseline-endpoint")
public class BaselineController {

	private final AccountDirectory accounts;

	private final CallbackReader reader;

	private final long maxBodyBytes;

	public BaselineController(AccountDirectory accounts, CallbackReader reader, GatewayProperties properties) {
		this.accounts = accounts;
		this.reader = reader;
		this.maxBodyBytes = properties.maxBodySize().toBytes();
	}

	@PostMapping(path = "/wx/{appId}/callback-baseline", produces = MediaType.TEXT_PLAIN_VALUE)
	public String receive(@PathVariable String appId, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature, HttpServletRequest request)
			throws IOException {
		AccountSnapshot account = this.accounts.find(appId)
			.orElseThrow(() -> new CallbackRejectedException(Rejection.UNKNOWN_ACCOUNT));
		this.reader.read(account, new CallbackParams(signature, timestamp, nonce, null, encryptType, msgSignature),
				CallbackController.readBody(request, this.maxBodyBytes));
		return "success";
	}

}
