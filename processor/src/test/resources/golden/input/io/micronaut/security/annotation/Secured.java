package io.micronaut.security.annotation;

/** A stand-in with the name and shape of Micronaut Security's annotation, which the processor reads by name. */
public @interface Secured {
    String[] value();
}
