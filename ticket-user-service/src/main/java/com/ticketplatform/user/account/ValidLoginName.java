package com.ticketplatform.user.account;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An e-mail address or a mobile number ({@link LoginNames}). */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidLoginName.Validator.class)
public @interface ValidLoginName {

  String message() default "must be an e-mail address or a mobile number";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidLoginName, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || LoginNames.isValid(value);
    }
  }
}
