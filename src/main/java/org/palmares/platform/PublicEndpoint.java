package org.palmares.platform;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST method that anyone may call without logging in (e.g. the public vote). Under
 * {@code /api/v1/editions/…} every other method needs a logged-in caller (see {@link EditionPathsRequireLogin}); the
 * OpenAPI document lists such methods without security and without a 401 ({@link ProblemResponses}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface PublicEndpoint {}
