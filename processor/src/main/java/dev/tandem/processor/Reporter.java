package dev.tandem.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * Collects the errors found while extracting one class, each printed on its element (and
 * annotation, when there is one), so that a compilation shows every problem at once.
 */
public final class Reporter {

    private final Messager messager;
    private int errors;

    /** @param messager the compiler's messager */
    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /**
     * @param diagnostic what is wrong
     * @param element where
     * @param args the message's arguments
     */
    public void error(Diagnostic diagnostic, Element element, Object... args) {
        error(diagnostic, element, null, args);
    }

    /**
     * @param diagnostic what is wrong
     * @param element where
     * @param annotation the annotation at fault, or {@code null}
     * @param args the message's arguments
     */
    public void error(Diagnostic diagnostic, Element element, AnnotationMirror annotation, Object... args) {
        errors++;
        messager.printMessage(Kind.ERROR, diagnostic.format(args), element, annotation);
    }

    /**
     * @param diagnostic what looks wrong but compiles
     * @param element where
     * @param annotation the annotation at fault, or {@code null}
     * @param args the message's arguments
     */
    public void warning(Diagnostic diagnostic, Element element, AnnotationMirror annotation, Object... args) {
        messager.printMessage(Kind.WARNING, diagnostic.format(args), element, annotation);
    }

    /** @return the number of errors reported so far */
    public int errorCount() {
        return errors;
    }
}
