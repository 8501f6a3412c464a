package io.wxops.admin.screening;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wxops.admin.account.AccountAccess;
import io.wxops.admin.security.Allow;
import io.wxops.admin.security.AllowAnyPerson;
import io.wxops.admin.security.Caller;
import io.wxops.admin.security.Role;
import io.wxops.admin.web.PageRequest;
import io.wxops.admin.web.PageResult;
import io.wxops.admin.web.Present;
import io.wxops.core.account.Account;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Screening", description = "Compliance screening against the lexicon of prohibited terms (the rules' "
		+ "seven categories, internal office information, commercial marketing where forbidden), the account's "
		+ "maximum characters, the stated source and WeChat's field limits. Findings give rule, category, term, "
		+ "field and position; body positions index the body's visible text (tags and attributes are not text).")
class ScreeningController {

	private final ScreeningService screening;

	private final LexiconService lexicon;

	private final AccountAccess accountAccess;

	ScreeningController(ScreeningService screening, LexiconService lexicon, AccountAccess accountAccess) {
		this.screening = screening;
		this.lexicon = lexicon;
		this.accountAccess = accountAccess;
	}

	record Content(Long accountId, String title, String author, String digest, String body, String source) {
	}

	/** The batch's size; each term's rules (capped at 20 errors) are the service's. */
	record TermsToAdd(@Present(message = TERMS) @Size(min = 1, max = 50_000, message = TERMS) List<LexiconTerm> terms) {

		static final String TERMS = "send 1 to 50,000 terms";

	}

	@PostMapping("/api/screening")
	@AllowAnyPerson
	@Operation(summary = "Screen any content",
			description = "Under the policies of accountId when given (its maximum characters and marketing rule), "
					+ "else the defaults (680, marketing allowed). The body is screened as it would ship (sanitised: "
					+ "comments, scripts and unknown markup removed), with its alt/title texts and the source; image "
					+ "references are checked only for an article (there is no upload to check them against here). "
					+ "Changes nothing.")
	ScreeningResult screen(Caller caller, @RequestBody Content body) {
		Account account = (body.accountId() != null) ? this.accountAccess.visible(caller, body.accountId()) : null;
		return this.screening.screen(body.title(), body.author(), body.digest(), body.body(), body.source(), account);
	}

	@GetMapping("/api/lexicon/terms")
	@Allow({ Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "List the terms in force", description = "Filter by category and text; paginated.")
	PageResult<LexiconService.TermView> terms(@RequestParam(required = false) Category category,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return this.lexicon.list(category, q, PageRequest.of(page, size));
	}

	@PostMapping("/api/lexicon/terms")
	@Allow(Role.ADMIN)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add terms",
			description = "One new lexicon version for the whole batch (load an operator's lexicon in one call, up to "
					+ "50,000 terms); terms already in force are skipped. Needs ADMIN on every account.")
	LexiconService.ChangeResult add(Caller caller, @Valid @RequestBody TermsToAdd body) {
		return this.lexicon.add(caller, body.terms());
	}

	@DeleteMapping("/api/lexicon/terms/{id}")
	@Allow(Role.ADMIN)
	@Operation(summary = "Remove a term", description = "Makes a new lexicon version.")
	LexiconService.ChangeResult remove(Caller caller, @PathVariable long id) {
		return this.lexicon.remove(caller, id);
	}

	@GetMapping("/api/lexicon/changes")
	@Allow({ Role.ADMIN, Role.AUDITOR })
	@Operation(summary = "Lexicon history", description = "Terms added and removed, per version, newest first.")
	PageResult<LexiconChange> changes(@RequestParam(required = false) Integer version,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return this.lexicon.changes(version, PageRequest.of(page, size));
	}

}
