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

    /**
     * @param elements the compiler's element utilities
     * @param owner a documented element, such as a record
     * @param name a parameter name
     * @return the text of its {@code @param name} tag (how record components are documented), or empty
     */
    static String param(Elements elements, Element owner, String name) {
        String raw = elements.getDocComment(owner);
        if (raw == null) {
            return "";
        }
        StringBuilder sb = null;
        for (String line : raw.split("\n", -1)) {
            String trimmed = line.strip();
            if (sb != null) {
                if (trimmed.startsWith("@")) {
                    break;
                }
                sb.append(' ').append(trimmed);
            } else if (trimmed.startsWith("@param " + name + " ") || trimmed.equals("@param " + name)) {
                sb = new StringBuilder(trimmed.substring(("@param " + name).length()).strip());
            }
        }
        return sb == null ? "" : sb.toString().strip();
    }
}
