package dev.tandem.processor.extract;

import com.sun.source.util.Trees;
import dev.tandem.processor.Reporter;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The compiler utilities an extraction uses.
 *
 * @param elements element utilities
 * @param types type utilities
 * @param trees source trees, or {@code null} when the compiler is not javac
 * @param reporter where errors go
 */
public record Context(Elements elements, Types types, Trees trees, Reporter reporter) {

    /**
     * @param env the processing environment
     * @param reporter where errors go
     * @return the context
     */
    public static Context of(ProcessingEnvironment env, Reporter reporter) {
        Trees trees;
        try {
            trees = Trees.instance(env);
        } catch (IllegalArgumentException | LinkageError e) {
            trees = null;
        }
        return new Context(env.getElementUtils(), env.getTypeUtils(), trees, reporter);
    }
}
