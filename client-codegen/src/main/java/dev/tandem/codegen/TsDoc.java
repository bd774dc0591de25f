package dev.tandem.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns javadoc text into TSDoc comment lines. */
final class TsDoc {

    private TsDoc() {
    }

    /**
     * @param indent the comment's indentation
     * @param lines the text, paragraph by paragraph; empty ones are left out
     * @return a {@code /** ... *}{@code /} comment, or an empty string when there is no text
     */
    static String comment(String indent, String... lines) {
        List<String> out = new ArrayList<>();
        for (String text : lines) {
            if (text == null || text.isBlank()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.add("");
            }
            for (String line : convert(text).split("\n")) {
                out.add(line.strip());
            }
        }
        if (out.isEmpty()) {
            return "";
        }
        if (out.size() == 1) {
            return indent + "/** " + out.get(0) + " */\n";
        }
        StringBuilder sb = new StringBuilder(indent).append("/**\n");
        for (String line : out) {
            sb.append(indent).append(line.isEmpty() ? " *" : " * " + line).append('\n');
        }
        return sb.append(indent).append(" */\n").toString();
    }

    private static final Pattern CODE = Pattern.compile("\\{@code ([^}]*)}");
    private static final Pattern LINK = Pattern.compile("\\{@(?:link|linkplain) ([^}\\s]*)(?: ([^}]*))?}");

    /** {@code {@code x}} becomes `x`, {@code {@link A#b}} becomes A.b, HTML paragraph tags go. */
    static String convert(String javadoc) {
        String s = CODE.matcher(javadoc).replaceAll(m -> Matcher.quoteReplacement("`" + m.group(1) + "`"));
        s = LINK.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                m.group(2) != null ? m.group(2) : m.group(1).replace('#', '.')));
        return s.replaceAll("(?i)</?p>", "").replace("*/", "*\\/");
    }
}
