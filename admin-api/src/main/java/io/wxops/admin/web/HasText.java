package io.wxops.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text that is sent and not blank in {@link String#isBlank()}'s sense (every character
 * {@link Character#isWhitespace whitespace}, so an ideographic space U+3000 is blank but
 * a no-break space is not). Jakarta's {@code @NotBlank} trims characters up to U+0020
 * instead, which would let "\u3000" through and refuse a lone control character; the
 * API's checks have always meant {@code isBlank}. With {@link #whenSent()} a missing
 * value is fine (a partial change), only a blank one is refused. Pair it with
 * {@code @Size} for the length (UTF-16 chars, as {@link String#length()} counts).
 */
@Documented
@Constraint(validatedBy = HasText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface HasText {

	/**
	 * A regular expression for a blank value in {@link String#isBlank()}'s sense (exactly
	 * the code points {@link Character#isWhitespace} accepts), written with portable
	 * backslash-u escapes so that the OpenAPI description's {@code pattern} means the
	 * same to a JavaScript client: an optional field's pattern is {@code BLANK + "|..."}.
	 */
	String BLANK = "[\\t\\n\\u000B\\f\\r\\u001C-\\u001F \\u1680\\u2000-\\u2006\\u2008-\\u200A\\u2028\\u2029\\u205F\\u3000]*";

	String message();

	/** True when a missing value (null) is accepted and only a blank one refused. */
	boolean whenSent() default false;

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link HasText}. */
	class Validator implements ConstraintValidator<HasText, CharSequence> {

		private boolean whenSent;

		@Override
		public void initialize(HasText annotation) {
			this.whenSent = annotation.whenSent();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null) {
				return this.whenSent;
			}
			return !value.toString().isBlank();
		}

	}

}
