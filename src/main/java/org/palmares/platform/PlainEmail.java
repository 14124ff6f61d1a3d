package org.palmares.platform;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An e-mail address that is exactly one plain mailbox by the one rule of {@link EmailAddress}; null passes (pair it
 * with {@code @NotBlank}). Used instead of {@code @Email}, which takes quoted and Unicode local parts the mailer
 * refuses.
 */
@Constraint(validatedBy = PlainEmail.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainEmail {
    String message() default "{email.plain}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks the text with {@link EmailAddress#parse}. */
    class Validator implements ConstraintValidator<PlainEmail, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || EmailAddress.isPlain(value);
        }
    }
}
