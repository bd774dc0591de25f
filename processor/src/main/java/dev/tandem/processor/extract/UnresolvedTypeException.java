package dev.tandem.processor.extract;

/**
 * A type is not resolved yet (another processor may generate it in a later round); the class is
 * processed again in the next round.
 */
public final class UnresolvedTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    UnresolvedTypeException() {
        super(null, null, false, false);
    }
}
