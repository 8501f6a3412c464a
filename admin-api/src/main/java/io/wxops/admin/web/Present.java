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
 * A value that must be sent (not null), as {@code @NotNull} checks it, but without
 * marking the property {@code required} in the OpenAPI description: the description's
 * {@code required} lists, and so the console's generated types, stay as they were while
 * the rule moves from a hand-written check to the record (switching to {@code @NotNull}
 * is a change of the console's types, to be made together with its pages).
 */
@Documented
@Constraint(validatedBy = Present.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.ANNOTATION_TYPE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Present {

	String message();

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks {@link Present}. */
	class Validator implements ConstraintValidator<Present, Object> {

		@Override
		public boolean isValid(Object value, ConstraintValidatorContext context) {
			return value != null;
		}

	}

}
