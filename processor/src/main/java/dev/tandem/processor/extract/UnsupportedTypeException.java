package dev.tandem.processor.extract;

/** Thrown inside {@link TypeMapper} when a type can't be mapped; the message is the reason and fix. */
final class UnsupportedTypeException extends Exception {

    private static final long serialVersionUID = 1L;

    UnsupportedTypeException(String reason) {
        super(reason, null, false, false);
    }
}
