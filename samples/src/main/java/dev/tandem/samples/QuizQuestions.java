package dev.tandem.samples;

import dev.tandem.ActionRejected;
import dev.tandem.samples.Quiz.Answer;
import dev.tandem.samples.Quiz.Kind;
import dev.tandem.samples.Quiz.Question;
import dev.tandem.samples.Quiz.Trivia;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * The quiz's built-in question set (three categories, three questions each: free text, single
 * choice, multiple choice) and its marking rules: exact choice, partial credit for multiple
 * choice, and a forgiving match for free text.
 */
final class QuizQuestions {

    static final List<Trivia> ALL = List.of(
            new Trivia("Geography", Kind.TEXT, "Mexico City was built on the ruins of which Aztec capital?",
                    List.of(), List.of("Tenochtitlan", "Tenochtitlán", "Mexico-Tenochtitlan"), 10),
            new Trivia("Geography", Kind.SINGLE, "Which is the longest river in Europe?",
                    List.of("Danube", "Volga", "Rhine", "Loire"), List.of("Volga"), 10),
            new Trivia("Geography", Kind.MULTI, "Which of these countries have no coastline?",
                    List.of("Bolivia", "Paraguay", "Peru", "Chile", "Mongolia"), List.of("Bolivia", "Paraguay", "Mongolia"), 15),
            new Trivia("Science", Kind.SINGLE, "Which planet has the shortest day?",
                    List.of("Jupiter", "Mars", "Earth", "Venus"), List.of("Jupiter"), 10),
            new Trivia("Science", Kind.MULTI, "Which of these are noble gases?",
                    List.of("Neon", "Nitrogen", "Argon", "Xenon", "Chlorine"), List.of("Neon", "Argon", "Xenon"), 15),
            new Trivia("Science", Kind.TEXT, "Which element has the chemical symbol Fe?",
                    List.of(), List.of("Iron"), 10),
            new Trivia("Arts", Kind.SINGLE, "Who painted The Night Watch?",
                    List.of("Rembrandt", "Vermeer", "Rubens", "Van Gogh"), List.of("Rembrandt"), 10),
            new Trivia("Arts", Kind.TEXT, "In Greek myth, which hero killed the Minotaur?",
                    List.of(), List.of("Theseus"), 10),
            new Trivia("Arts", Kind.MULTI, "Which of these operas did Verdi write?",
                    List.of("Aida", "Carmen", "Rigoletto", "Tosca", "La traviata"), List.of("Aida", "Rigoletto", "La traviata"), 15));

    static final int MAX_TEXT = 80;

    private QuizQuestions() {
    }

    /** @return the category names, in playing order */
    static List<String> categories() {
        return ALL.stream().map(Trivia::category).distinct().toList();
    }

    /** @return the questions of the given categories, in playing order */
    static List<Trivia> deck(List<String> categories) {
        return ALL.stream().filter(t -> categories.contains(t.category())).toList();
    }

    /** @return the question as players see it while it is open: without its answers */
    static Question shown(Trivia t) {
        return new Question(t.category(), t.kind(), t.text(), t.options(), t.points());
    }

    /**
     * Checks an answer's form (not whether it is right) and returns it cleaned up.
     *
     * @throws ActionRejected naming what is wrong and what is allowed
     */
    static List<String> check(Trivia t, List<String> picks) {
        if (picks == null || picks.isEmpty() || picks.contains(null)) {
            throw new ActionRejected("Give an answer: " + expected(t));
        }
        if (t.kind() == Kind.TEXT) {
            String text = picks.size() == 1 ? picks.get(0).strip() : "";
            if (text.isEmpty() || text.length() > MAX_TEXT) {
                throw new ActionRejected("Answer with one text of 1 to " + MAX_TEXT + " characters");
            }
            return List.of(text);
        }
        if (t.kind() == Kind.SINGLE && picks.size() != 1) {
            throw new ActionRejected("Pick exactly one option: " + expected(t));
        }
        if (new HashSet<>(picks).size() != picks.size()) {
            throw new ActionRejected("Pick each option at most once");
        }
        for (String pick : picks) {
            if (!t.options().contains(pick)) {
                throw new ActionRejected("'" + pick + "' is not an option: " + expected(t));
            }
        }
        return List.copyOf(picks);
    }

    /**
     * Marks an answer. Single choice and free text score all or nothing; multiple choice scores
     * (right picks - wrong picks) / right options of the points, never below zero.
     */
    static Answer mark(Trivia t, List<String> picks) {
        int points;
        if (t.kind() == Kind.TEXT) {
            String given = normalized(picks.get(0));
            points = t.accepted().stream().anyMatch(a -> normalized(a).equals(given)) ? t.points() : 0;
        } else {
            int right = (int) picks.stream().filter(t.accepted()::contains).count();
            int wrong = picks.size() - right;
            points = t.points() * Math.max(0, right - wrong) / t.accepted().size();
        }
        boolean right = points == t.points();
        return new Answer(picks, right, right, points, new LinkedHashMap<>());
    }

    /** Case, accents, spaces, punctuation and a leading "the" don't matter: "the  Théseus!" is "theseus". */
    static String normalized(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return plain.replaceAll("[^\\p{L}\\p{N}]+", " ").strip().replaceFirst("^the ", "").replace(" ", "");
    }

    private static String expected(Trivia t) {
        return switch (t.kind()) {
            case TEXT -> "a text of 1 to " + MAX_TEXT + " characters";
            case SINGLE -> "one of " + String.join(", ", t.options());
            case MULTI -> "one or more of " + String.join(", ", t.options());
        };
    }
}
