package io.wxops.admin.screening;

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
 * A text that is sent and keeps something a reader sees once {@link VisibleText#trim} has
 * taken the invisible code points off its ends (zero-width spaces, variation selectors,
 * no-break spaces, ...): a title of invisible characters is no title.
 */
@Documented
@Constraint(validatedBy = HasVisibleText.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface HasVisibleText {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link HasVisibleText}. */
	class Validator implements ConstraintValidator<HasVisibleText, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			return value != null && !VisibleText.trim(value).isEmpty();
		}

	}

}
