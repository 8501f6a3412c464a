package io.wxops.admin.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Who may call an endpoint: a person holding at least one of these roles (on some
 * account). Finer scope (which account, which department) is checked by the endpoint with
 * {@link Caller}. An {@code /api} endpoint without {@code Allow}, {@link AllowAnyPerson}
 * or {@link AllowAnonymous} is refused to everyone.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Allow {

	Role[] value();

}
