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
 * At most {@link #max()} UTF-16 chars once {@link String#trim() trimmed}, for a value
 * that is stored trimmed (so surrounding spaces do not count); null is not checked.
 */
@Documented
@Constraint(validatedBy = TrimmedLength.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface TrimmedLength {

	int max();

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link TrimmedLength}. */
	class Validator implements ConstraintValidator<TrimmedLength, CharSequence> {

		private int max;

		@Override
		public void initialize(TrimmedLength annotation) {
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return value == null || value.toString().trim().length() <= this.max;
		}

	}

}
