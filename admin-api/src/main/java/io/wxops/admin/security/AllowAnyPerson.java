package io.wxops.admin.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Any signed-in person may call the endpoint, whatever their roles. */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AllowAnyPerson {

	/**
	 * Whether a person who must change their password may call it (only the endpoints
	 * needed to do so).
	 */
	boolean beforePasswordChange() default false;

}
