package org.palmares.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST method under {@code /api/v1/editions/…} that anyone may call without logging in (e.g. the public
 * vote). Every other method there needs a logged-in caller: see {@link EditionPathsRequireLogin}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {}
