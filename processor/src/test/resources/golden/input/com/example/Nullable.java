package com.example;

import java.lang.annotation.ElementType;
import java.lang.annotation.Target;

/** Any annotation named Nullable counts. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE_USE, ElementType.RECORD_COMPONENT})
public @interface Nullable {}
