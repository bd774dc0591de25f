package dev.tandem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tandem.processor.DiagnosticsTest.compile;
import static dev.tandem.processor.DiagnosticsTest.expect;
import static dev.tandem.processor.DiagnosticsTest.source;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** The negative compile tests of {@code @ServerOnly} and {@code @View} (TANDEM-700 to 705). */
class VisibilityDiagnosticsTest {

    @Test
    void serverOnlyWithoutField() {
        expect(Diagnostic.SERVER_ONLY_WITHOUT_FIELD,
                "@LiveObject public class Game {\n  @ServerOnly String deck = \"\";\n}", "@ServerOnly String deck",
                "@ServerOnly on Game.deck has no effect: it is not a @Field", "Add @Field");
    }

    @Test
    void serverOnlyNotStored() {
        expect(Diagnostic.SERVER_ONLY_NOT_STORED,
                "@LiveObject public class Game {\n  @Field(stored = false) @ServerOnly String deck = \"\";\n}",
                "@ServerOnly String deck", "@ServerOnly can't be applied to Game.deck: it is @Field(stored = false)",
                "Remove stored = false");
    }

    @Test
    void viewSignature() {
        expect(Diagnostic.VIEW_SIGNATURE,
                "@LiveObject public class Game {\n  @View List<String> hand() { return List.of(); }\n}", "hand()",
                "@View Game.hand() has the wrong signature: it takes ()", "exactly one parameter, the viewer (Caller)",
                "Declare it as a non-private instance method such as List<String> hand(Caller viewer).");
        expect(Diagnostic.VIEW_SIGNATURE,
                "@LiveObject public class Game {\n  @View void hand(Caller c) {}\n}", "void hand", "it returns void");
        expect(Diagnostic.VIEW_SIGNATURE,
                "@LiveObject public class Game {\n  @View private int hand(Caller c) { return 1; }\n}", "private int hand",
                "it is private");
        expect(Diagnostic.VIEW_SIGNATURE,
                "@LiveObject public class Game {\n  @View static int hand(Caller c) { return 1; }\n}", "static int hand",
                "it is static");
        expect(Diagnostic.VIEW_SIGNATURE,
                "@LiveObject public class Game {\n  @View int hand(Caller c, int i) { return i; }\n}", "int hand",
                "it takes (dev.tandem.Caller, int)");
        expect(Diagnostic.VIEW_SIGNATURE,
                "@LiveObject public class Game {\n  @View int hand(Caller c) throws Exception { return 1; }\n}",
                "int hand", "it declares checked exceptions");
    }

    @Test
    void viewTypeUnsupported() {
        expect(Diagnostic.VIEW_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  @View Object hand(Caller c) { return 1; }\n}", "Object hand",
                "@View Game.hand(Caller) returns java.lang.Object, which can't be mapped to JSON");
    }

    @Test
    void viewNameClash() {
        expect(Diagnostic.VIEW_NAME_CLASH,
                "@LiveObject public class Game {\n  @Field int score;\n  @View int score(Caller c) { return 1; }\n}",
                "int score(", "@View Game.score(Caller) is named 'score', but the field Game.score has that name too",
                "@View(\"...\")");
        expect(Diagnostic.VIEW_NAME_CLASH,
                "@LiveObject public class Game {\n  @View(\"a\") int x(Caller c) { return 1; }\n"
                        + "  @View(\"a\") int y(Caller c) { return 2; }\n}",
                "int y(", "but the view Game.x(Caller) has that name too");
    }

    @Test
    void viewNameInvalid() {
        expect(Diagnostic.VIEW_NAME_INVALID,
                "@LiveObject public class Game {\n  @View(\"my hand\") int hand(Caller c) { return 1; }\n}", "int hand",
                "@View Game.hand(Caller) can't be called 'my hand': it is not a Java identifier");
        expect(Diagnostic.VIEW_NAME_INVALID,
                "@LiveObject public class Game {\n  @View(\"hashCode\") int hand(Caller c) { return 1; }\n}", "int hand",
                "it is the name of a method of Object");
    }

    @Test
    void viewAndActionOnOneMethodConflict() {
        expect(Diagnostic.CONFLICTING_ANNOTATIONS,
                "@LiveObject public class Game {\n  @Action @View int hand(Caller c) { return 1; }\n}", "int hand",
                "is annotated both @Action and @View");
    }

    @Test
    void aValidViewAndServerOnlyFieldCompile() {
        Compilation c = compile(source("@LiveObject public class Game {\n  @Field @ServerOnly Map<String, Integer> secret"
                + " = new HashMap<>();\n  @View(\"mine\") int mine(Caller c) { return secret.getOrDefault(c.userId(), 0); }\n}"));
        assertThat(c).succeededWithoutWarnings();
    }
}
