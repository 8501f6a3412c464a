package io.wxops.gateway.callback;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.wxops.core.account.AccountSnapshot;
import io.wxops.gateway.GatewayProperties;
import io.wxops.gateway.account.AccountDirectory;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * WeChat's callback URL for one account: {@code /wx/{appId}/callback}. GET verifies the
 * URL when the developer enables it on the console; POST delivers follower messages and
 * events.
 */
@RestController
public class CallbackController {

	static final MediaType XML_UTF8 = new MediaType("application", "xml", StandardCharsets.UTF_8);

	private final AccountDirectory accounts;

	private final CallbackService service;

	private final long maxBodyBytes;

	public CallbackController(AccountDirectory accounts, CallbackService service, GatewayProperties properties) {
		this.accounts = accounts;
		this.service = service;
		this.maxBodyBytes = properties.maxBodySize().toBytes();
	}

	@GetMapping(path = "/wx/{appId}/callback", produces = MediaType.TEXT_PLAIN_VALUE)
	public String verify(@PathVariable String appId, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String echostr) {
		AccountSnapshot account = account(appId);
		if (echostr == null || !CallbackCrypto.signatureMatches(account.token(), timestamp, nonce, signature)) {
			throw new CallbackRejectedException(Rejection.BAD_SIGNATURE);
		}
		return echostr;
	}

	@PostMapping(path = "/wx/{appId}/callback")
	public ResponseEntity<String> receive(@PathVariable String appId, @RequestParam(required = false) String signature,
			@RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
			@RequestParam(required = false) String openid,
			@RequestParam(name = "encrypt_type", required = false) String encryptType,
			@RequestParam(name = "msg_signature", required = false) String msgSignature, HttpServletRequest request)
			throws IOException {
		long start = System.nanoTime();
		AccountSnapshot account = account(appId);
		String body = readBody(request, this.maxBodyBytes);
		CallbackParams params = new CallbackParams(signature, timestamp, nonce, openid, encryptType, msgSignature);
		String answer = this.service.handle(account, params, body, start);
		MediaType type = CallbackService.SUCCESS.equals(answer) ? MediaType.TEXT_PLAIN : XML_UTF8;
		return ResponseEntity.ok().contentType(type).body(answer);
	}

	AccountSnapshot account(String appId) {
		return this.accounts.find(appId)
			.filter(a -> a.status().acceptsCallbacks())
			.orElseThrow(() -> new CallbackRejectedException(Rejection.UNKNOWN_ACCOUNT));
	}

	/**
	 * Reads at most {@code max} bytes; a longer body is refused without reading the rest.
	 */
	public static String readBody(HttpServletRequest request, long max) throws IOException {
		if (request.getContentLengthLong() > max) {
			throw new CallbackRejectedException(Rejection.BODY_TOO_LARGE);
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readNBytes((int) max + 1);
			if (bytes.length > max) {
				throw new CallbackRejectedException(Rejection.BODY_TOO_LARGE);
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

}
