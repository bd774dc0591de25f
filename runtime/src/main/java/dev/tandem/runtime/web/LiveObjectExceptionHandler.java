package dev.tandem.runtime.web;

import dev.tandem.runtime.LiveObjectException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers a {@link LiveObjectException} with its status and a JSON error body. */
@Produces
@Singleton
@Requires(classes = {LiveObjectException.class, ExceptionHandler.class})
final class LiveObjectExceptionHandler implements ExceptionHandler<LiveObjectException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, LiveObjectException exception) {
        return ErrorBody.of(exception.code(), exception.getMessage(), exception.details());
    }
}
