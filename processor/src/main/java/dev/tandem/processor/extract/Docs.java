package dev.tandem.processor.extract;

import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/** Reads the main description of an element's javadoc, for model documents and TSDoc. */
final class Docs {

    private Docs() {
    }

    /**
     * @param elements the compiler's element utilities
     * @param element the documented element
     * @return the javadoc up to the first block tag, lines trimmed; empty if there is none
     */
    static String of(Elements elements, Element element) {
        String raw = elements.getDocComment(element);
        if (raw == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("@")) {
                break;
            }
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(trimmed);
        }
        return sb.toString().strip();
    }
}
