package io.wxops.admin.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An optional e-mail address: missing or blank (clears it) is fine, anything else must
 * look like {@code name@host.tld}. A value over the column's 128 characters is left to
 * the {@code @Size(max = 128)} beside it, so a long value gets one answer, "at most 128
 * characters", as it always did.
 */
@Documented
@Constraint(validatedBy = EmailAddress.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface EmailAddress {

	/** The column's length, which the {@code @Size} beside this annotation checks. */
	int MAX = 128;

	String message() default "not an e-mail address";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link EmailAddress}. */
	class Validator implements ConstraintValidator<EmailAddress, CharSequence> {

		private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			if (value == null || value.length() > MAX) {
				return true;
			}
			String text = value.toString();
			return text.isBlank() || EMAIL.matcher(text).matches();
		}

	}

}
