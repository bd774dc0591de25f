package dev.tandem.samples;

import io.micronaut.runtime.Micronaut;

/** Starts the samples at http://localhost:8080 (state in {@code ./data}, the embedded H2 database). */
public final class SamplesApp {

    private SamplesApp() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(SamplesApp.class).banner(false).start();
    }
}
