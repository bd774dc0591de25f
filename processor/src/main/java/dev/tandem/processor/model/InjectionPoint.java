package dev.tandem.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * One parameter of the constructor the runtime calls.
 *
 * @param type the bean type to look up, or {@code null} for the instance's {@code LiveContext}
 */
public record InjectionPoint(ClassName type) {

    /** @return whether this parameter receives the instance's {@code LiveContext} */
    public boolean isContext() {
        return type == null;
    }
}
