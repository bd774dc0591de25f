package dev.tandem.processor.model;

/**
 * A lifecycle or timer method: {@code @OnCreate}, {@code @OnConnect}, {@code @OnDisconnect},
 * {@code @OnJoin}, {@code @OnLeave} or {@code @OnTimer}.
 *
 * @param method the method's name
 * @param takesConnection whether it declares a {@code Connection} parameter
 * @param throwsChecked whether the method declares checked exceptions
 */
public record HookModel(String method, boolean takesConnection, boolean throwsChecked) {
}
