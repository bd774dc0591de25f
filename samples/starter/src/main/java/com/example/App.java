package com.example;

import io.micronaut.runtime.Micronaut;

/**
 * Starts the app: the live objects of this package, the pages under {@code resources/public}, and
 * the client module at {@code /tandem/client.js}, on http://localhost:8080 ({@code PORT} changes it).
 */
public final class App {

    private App() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(App.class).banner(false).start();
    }
}
