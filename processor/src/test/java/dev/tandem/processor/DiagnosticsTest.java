package dev.tandem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One negative compile test per diagnostic: the code, the message, the file and the line. Each test
 * source puts the annotation and the offending declaration on the line the assertion names.
 */
class DiagnosticsTest {

    private static final Pattern CLASS_NAME = Pattern.compile("(?:class|interface|enum|record)\\s+(\\w+)");

    static JavaFileObject source(String body) {
        Matcher m = CLASS_NAME.matcher(body);
        if (!m.find()) {
            throw new IllegalArgumentException("no type in " + body);
        }
        return JavaFileObjects.forSourceString("com.example." + m.group(1),
                "package com.example;\n\nimport dev.tandem.*;\nimport java.util.*;\n\n" + body);
    }

    static Compilation compile(JavaFileObject... files) {
        return Compiler.javac().withProcessors(new TandemProcessor()).compile(files);
    }

    /**
     * Compiles one source and checks that it fails with exactly one error: {@code diagnostic}, in that
     * file, on the line containing {@code line}, its message containing every one of {@code messageParts}.
     */
    static void expect(Diagnostic diagnostic, String body, String line, String... messageParts) {
        JavaFileObject file = source(body);
        Compilation c = compile(file);
        assertThat(c).failed();
        assertErrors(c, List.of(new Expected(diagnostic, file, line, messageParts)));
    }

    /** An error a test expects: its code, file, the line holding {@code line}, and parts of its message. */
    record Expected(Diagnostic diagnostic, JavaFileObject file, String line, String... messageParts) {
        long lineNumber() {
            try {
                String[] lines = file.getCharContent(true).toString().split("\n", -1);
                long found = -1;
                for (int i = 0; i < lines.length; i++) {
                    if (lines[i].contains(line)) {
                        assertEquals(-1, found, "\"" + line + "\" is on more than one line of the test source");
                        found = i + 1;
                    }
                }
                assertTrue(found > 0, "no line contains \"" + line + "\"");
                return found;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Checks that the compilation's errors are exactly {@code expected}, in any order, each matched once. */
    static void assertErrors(Compilation c, List<Expected> expected) {
        List<javax.tools.Diagnostic<? extends JavaFileObject>> errors = new ArrayList<>(c.errors());
        assertEquals(expected.size(), errors.size(), "errors: " + errors);
        for (Expected e : expected) {
            String code = "[" + e.diagnostic().code() + "] ";
            var match = errors.stream()
                    .filter(d -> d.getSource() == e.file() && d.getLineNumber() == e.lineNumber())
                    .filter(d -> d.getMessage(Locale.ROOT).startsWith(code))
                    .filter(d -> Arrays.stream(e.messageParts()).allMatch(d.getMessage(Locale.ROOT)::contains))
                    .findFirst();
            assertTrue(match.isPresent(), "no error " + code + "on line " + e.lineNumber() + " (\"" + e.line()
                    + "\") containing " + Arrays.toString(e.messageParts()) + "; errors: " + errors);
            errors.remove(match.get());
        }
    }

    @Test
    void notAClass() {
        expect(Diagnostic.NOT_A_CLASS, "@LiveObject public interface Game {}", "interface Game",
                "@LiveObject can't be applied to Game: it is an interface. Put @LiveObject on a class.");
        expect(Diagnostic.NOT_A_CLASS, "@LiveObject public record Point(int x) {}", "record Point",
                "it is a record, whose fields are final");
    }

    @Test
    void abstractClass() {
        expect(Diagnostic.ABSTRACT_CLASS, "@LiveObject public abstract class Game {}", "abstract class Game",
                "@LiveObject class Game is abstract, so Tandem can't create instances of it. Make it a concrete class.");
    }

    @Test
    void innerClass() {
        expect(Diagnostic.INNER_CLASS, "public class Outer {\n  @LiveObject public class Game {}\n}", "class Game",
                "Game is an inner (non-static) class", "Make it a top-level class or a static nested class.");
    }

    @Test
    void classNotAccessible() {
        expect(Diagnostic.CLASS_NOT_ACCESSIBLE, "public class Outer {\n  @LiveObject private static class Game {}\n}",
                "class Game", "Make it package-private or public.");
    }

    @Test
    void genericClass() {
        expect(Diagnostic.GENERIC_CLASS, "@LiveObject public class Game<T> {}", "class Game<T>",
                "declares type parameters", "Remove the type parameters.");
    }

    @Test
    void noUsableConstructor() {
        expect(Diagnostic.NO_USABLE_CONSTRUCTOR, "@LiveObject public class Game {\n  private Game() {}\n}",
                "class Game", "Game has no non-private constructor. Declare one non-private constructor");
        expect(Diagnostic.NO_USABLE_CONSTRUCTOR,
                "@LiveObject public class Game {\n  Game(String a) {}\n  Game(int b) {}\n}", "class Game",
                "2 constructors, none marked @Inject and none without parameters");
    }

    @Test
    void constructorsMarkedInject() {
        expect(Diagnostic.NO_USABLE_CONSTRUCTOR, "@LiveObject public class Game {\n  @interface Inject {}\n"
                + "  interface Dice {}\n  @Inject Game(Dice a) {}\n  @Inject Game(Dice a, Dice b) {}\n}", "class Game",
                "2 constructors marked @Inject");
        Compilation c = compile(source("@LiveObject public class Game {\n  @interface Inject {}\n  interface Dice {}\n"
                + "  Game() {}\n  @Inject Game(Dice dice) {}\n  @Field int n;\n}"));
        assertThat(c).succeededWithoutWarnings();
        assertThat(c).generatedSourceFile("com.example.GameDefinition").contentsAsUtf8String()
                .contains("return new Game(dependencies.bean(Game.Dice.class));");
    }

    @Test
    void constructorParameterUnsupported() {
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_UNSUPPORTED,
                "@LiveObject public class Game {\n  <T> Game(\n    T size) {}\n}", "T size",
                "Constructor parameter 'size' of Game has type T, which is not a bean type.");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_UNSUPPORTED,
                "@LiveObject public class Game {\n  Game(\n    Comparator<String> order) {}\n}", "Comparator<String> order",
                "is generic, but beans are looked up by class alone");
    }

    @Test
    void constructorParameterValue() {
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  Poll(\n    String question) {}\n}", "String question",
                "Poll's constructor parameter 'question' is a String, which Tandem can't supply: the runtime creates a"
                + " live object with no arguments of yours. Take initial values from field initializers or @OnCreate,"
                + " and take only LiveContext or beans (services) as constructor parameters.");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE, "@LiveObject public class Poll {\n  Poll(\n    int size) {}\n}",
                "int size", "parameter 'size' is an int,");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  Poll(\n    Integer size) {}\n}", "Integer size", "is an Integer,");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  Poll(\n    String[] options) {}\n}", "String[] options",
                "is an array (java.lang.String[]),");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  enum Kind { A }\n  Poll(\n    Kind kind) {}\n}", "Kind kind",
                "is the enum Kind,");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  record Settings(int max) {}\n  Poll(\n    Settings s) {}\n}",
                "Settings s", "is the record Settings,");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  Poll(\n    ArrayList<String> options) {}\n}",
                "ArrayList<String> options", "is an ArrayList,");
        expect(Diagnostic.CONSTRUCTOR_PARAMETER_VALUE,
                "@LiveObject public class Poll {\n  Poll(\n    java.time.Instant opened) {}\n}", "Instant opened",
                "is an Instant,");
    }

    @Test
    void constructorParametersThatCouldBeBeansCompile() {
        Compilation c = compile(source("@LiveObject public class Poll {\n  interface Votes {}\n"
                + "  static class Audit {}\n  Poll(LiveContext context, Votes votes, Audit audit, java.time.Clock clock) {}\n"
                + "  @Field int votes;\n  @Action void vote() { votes++; }\n}"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void invalidTypeName() {
        expect(Diagnostic.INVALID_TYPE_NAME, "@LiveObject(\"Tic_Tac\") public class Game {}", "@LiveObject",
                "@LiveObject(\"Tic_Tac\") on Game is not a valid type name. Use lowercase letters, digits and single dashes");
    }

    @Test
    void duplicateTypeName() {
        JavaFileObject a = source("@LiveObject(\"game\") public class Chess {}");
        JavaFileObject b = source("@LiveObject(\"game\") public class Checkers {}");
        Compilation c = compile(a, b);
        assertErrors(c, List.of(new Expected(Diagnostic.DUPLICATE_TYPE_NAME, b, "class Checkers",
                "[TANDEM-108] Type name \"game\" of com.example.Checkers is also the type name of com.example.Chess")));
    }

    @Test
    void annotationOutsideLiveObject() {
        expect(Diagnostic.ANNOTATION_OUTSIDE_LIVE_OBJECT, "public class Plain {\n  @Field int count;\n}", "int count",
                "@Field on Plain.count has no effect: Plain is not annotated @LiveObject. Add @LiveObject to Plain");
        expect(Diagnostic.ANNOTATION_OUTSIDE_LIVE_OBJECT, "public class Plain {\n  @Action void go() {}\n}", "void go",
                "@Action on Plain.go has no effect");
    }

    @Test
    void fieldPrivate() {
        expect(Diagnostic.FIELD_PRIVATE, "@LiveObject public class Game {\n  @Field private List<String> board;\n}",
                "private List<String> board",
                "@Field can't be applied to Game.board: it is private, so generated code can't read it. Make it package-private.");
    }

    @Test
    void fieldFinal() {
        expect(Diagnostic.FIELD_FINAL, "@LiveObject public class Game {\n  @Field final int size = 3;\n}", "final int size",
                "it is final, so it can't be restored when a turn fails or the instance is loaded. Remove final.");
    }

    @Test
    void fieldStatic() {
        expect(Diagnostic.FIELD_STATIC, "@LiveObject public class Game {\n  @Field static int games;\n}", "static int games",
                "it is static, so every instance would share it. Remove static.");
    }

    @Test
    void fieldTypeObject() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED, "@LiveObject public class Game {\n  @Field Object data;\n}",
                "Object data", "@Field Game.data has type java.lang.Object, which can't be mapped to JSON: Object can hold"
                        + " anything, so its JSON shape is unknown. Use a concrete type, such as a record.");
    }

    @Test
    void fieldTypeThread() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED, "@LiveObject public class Game {\n  @Field Thread worker;\n}",
                "Thread worker", "java.lang.Thread is not a data type Tandem can map; supported are primitives");
    }

    @Test
    void fieldTypeRawCollection() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  @SuppressWarnings(\"rawtypes\") @Field List moves;\n}", "List moves",
                "it is a raw List, so the type of its contents is unknown. Give it type arguments, like List<String>.");
    }

    @Test
    void fieldTypeMapWithOtherKeys() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Field Map<Integer, String> names = new HashMap<>();\n}", "Map<Integer, String> names",
                "the keys of java.util.Map<java.lang.Integer,java.lang.String> are java.lang.Integer, but JSON object keys"
                        + " are strings. Use String or an enum as the key type.");
    }

    @Test
    void fieldTypeFunctional() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED, "@LiveObject public class Game {\n  @Field Runnable onEnd;\n}",
                "Runnable onEnd", "Runnable is an interface: a behaviour (like a function or a service), not data.");
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Field java.util.function.Supplier<String> next;\n}", "Supplier<String> next",
                "Supplier is an interface");
    }

    @Test
    void fieldTypeValueClassWithoutConstructor() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  public static class Score { int points; Score(int p) { points = p; } }\n"
                        + "  @Field Score score;\n}", "Score score",
                "Score has no no-argument constructor that generated code can call. Make Score a record, or add a"
                        + " package-private no-argument constructor.");
    }

    @Test
    void fieldTypeAbstractValueClass() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  public abstract static class Shape { }\n  @Field Shape shape;\n}",
                "Shape shape", "Shape is abstract, so it can't be created when decoding.");
    }

    @Test
    void fieldTypeWildcardAndGenericArray() {
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Field List<? extends Number> values;\n}", "values",
                "wildcard ? extends java.lang.Number has no JSON shape of its own");
        expect(Diagnostic.FIELD_TYPE_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Field List<String>[] rows;\n}", "rows",
                "Java can't create arrays of generic types");
    }

    @Test
    void fieldNameReserved() {
        expect(Diagnostic.FIELD_NAME_RESERVED, "@LiveObject public class Game {\n  @Field int hashCode;\n}", "int hashCode",
                "@Field Game.hashCode can't be called 'hashCode'");
    }

    @Test
    void actionPrivate() {
        expect(Diagnostic.ACTION_PRIVATE, "@LiveObject public class Game {\n  @Action private void play() {}\n}",
                "private void play", "@Action Game.play() is private, so generated code can't call it. Make it package-private.");
    }

    @Test
    void actionStatic() {
        expect(Diagnostic.ACTION_STATIC, "@LiveObject public class Game {\n  @Action static void play() {}\n}",
                "static void play", "@Action Game.play() is static, but actions run on an instance. Remove static.");
    }

    @Test
    void actionOverloaded() {
        JavaFileObject file = source(
                "@LiveObject public class Game {\n  @Action void play(int cell) {}\n  @Action void play(String cell) {}\n}");
        assertErrors(compile(file), List.of(
                new Expected(Diagnostic.ACTION_OVERLOADED, file, "void play(int cell)",
                        "@Action Game.play(int) is overloaded, but clients call actions by name."),
                new Expected(Diagnostic.ACTION_OVERLOADED, file, "void play(String cell)",
                        "@Action Game.play(String) is overloaded, but clients call actions by name.")));
    }

    @Test
    void actionParameterUnsupported() {
        expect(Diagnostic.ACTION_PARAMETER_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Action void play(\n    Object move) {}\n}", "Object move",
                "Parameter 'move' of @Action Game.play(Object) has type java.lang.Object, which can't be mapped to JSON");
        expect(Diagnostic.ACTION_PARAMETER_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Action void play(\n    Connection c) {}\n}", "Connection c",
                "Connection is for @OnConnect, @OnDisconnect, @OnJoin and @OnLeave. Take a Caller to know who is calling.");
    }

    @Test
    void actionReturnUnsupported() {
        expect(Diagnostic.ACTION_RETURN_UNSUPPORTED,
                "@LiveObject public class Game {\n  @Action java.util.concurrent.CompletableFuture<String> play() { return null; }\n}",
                "CompletableFuture<String> play", "an action runs to completion as one turn, so it can't return a future.");
    }

    @Test
    void callerDeclaredTwice() {
        expect(Diagnostic.CALLER_DECLARED_TWICE,
                "@LiveObject public class Game {\n  @Action void play(Caller a,\n    Caller b) {}\n}", "Caller b",
                "@Action Game.play(Caller, Caller) declares Caller more than once");
    }

    @Test
    void actionNameReserved() {
        expect(Diagnostic.ACTION_NAME_RESERVED,
                "@LiveObject public class Game {\n  @Action public String toString() { return \"\"; }\n}", "toString()",
                "can't be called 'toString'");
    }

    @Test
    void actionGeneric() {
        expect(Diagnostic.ACTION_GENERIC,
                "@LiveObject public class Game {\n  @Action <T> void play(T move) {}\n}", "void play",
                "declares type parameters, but JSON arguments carry no Java types");
    }

    @Test
    void hookSignature() {
        expect(Diagnostic.HOOK_SIGNATURE, "@LiveObject public class Game {\n  @OnConnect void joined(String who) {}\n}",
                "void joined", "@OnConnect method Game.joined(String) has the wrong signature: its parameter is"
                        + " java.lang.String, not Connection. Declare it as void joined(Connection connection) or void joined().");
        expect(Diagnostic.HOOK_SIGNATURE, "@LiveObject public class Game {\n  @OnCreate int setUp() { return 1; }\n}",
                "int setUp", "it returns int, but nothing receives a hook's result. Declare it as void setUp().");
        expect(Diagnostic.HOOK_SIGNATURE, "@LiveObject public class Game {\n  @OnTimer static void tick() {}\n}",
                "static void tick", "it is static, but hooks run on an instance");
        expect(Diagnostic.HOOK_SIGNATURE, "@LiveObject public class Game {\n  @OnJoin void arrived(Caller who) {}\n}",
                "void arrived", "@OnJoin method Game.arrived(Caller) has the wrong signature: its parameter is"
                        + " dev.tandem.Caller, not Connection. Declare it as void arrived(Connection connection) or void arrived().");
        expect(Diagnostic.HOOK_SIGNATURE, "@LiveObject public class Game {\n  @OnLeave private void gone() {}\n}",
                "private void gone", "@OnLeave method Game.gone() has the wrong signature: it is private, so generated"
                        + " code can't call it. Declare it as void gone(Connection connection) or void gone().");
    }

    @Test
    void hookDuplicate() {
        expect(Diagnostic.HOOK_DUPLICATE,
                "@LiveObject public class Game {\n  @OnDisconnect void a() {}\n  @OnDisconnect void b() {}\n}", "void b",
                "@OnDisconnect is on both Game.a() and Game.b(), but a class has at most one.");
        expect(Diagnostic.HOOK_DUPLICATE,
                "@LiveObject public class Game {\n  @OnJoin void a() {}\n  @OnJoin void b(Connection c) {}\n}",
                "void b", "@OnJoin is on both Game.a() and Game.b(Connection), but a class has at most one.");
        expect(Diagnostic.HOOK_DUPLICATE,
                "@LiveObject public class Game {\n  @OnLeave void a() {}\n  @OnLeave void b() {}\n}", "void b",
                "@OnLeave is on both Game.a() and Game.b(), but a class has at most one.");
    }

    @Test
    void conflictingAnnotations() {
        expect(Diagnostic.CONFLICTING_ANNOTATIONS,
                "@LiveObject public class Game {\n  @Action @OnConnect void start() {}\n}", "void start",
                "Game.start() is annotated both @Action and @OnConnect, but a method has one role.");
        expect(Diagnostic.CONFLICTING_ANNOTATIONS,
                "@LiveObject public class Game {\n  @OnConnect @OnJoin void hello() {}\n}", "void hello",
                "Game.hello() is annotated both @OnConnect and @OnJoin, but a method has one role.");
    }

    private static final String AUCTION = "@LiveObject public class Auction {\n"
            + "  static final String REMIND = \"remind\";\n"
            + "  private final LiveContext context;\n"
            + "  public Auction(LiveContext context) { this.context = context; }\n"
            + "  @OnTimer void close() {}\n"
            + "  @OnTimer void remind() {}\n";

    @Test
    void timerUnknown() {
        expect(Diagnostic.TIMER_UNKNOWN, AUCTION + "  @Action void open() {\n"
                + "    context.schedule(\"clsoe\", java.time.Duration.ofMinutes(10));\n  }\n}", "\"clsoe\"",
                "no @OnTimer method \"clsoe\" in Auction; timers: close, remind. LiveContext.schedule takes the name"
                + " of one of the class's @OnTimer methods: use one of those names, or add @OnTimer void clsoe().");
        expect(Diagnostic.TIMER_UNKNOWN, AUCTION + "  static final String LATER = \"later\";\n"
                + "  @Action void open() {\n    context.schedule(REMIND, java.time.Duration.ZERO);\n  }\n"
                + "  @OnCreate void created() {\n    Runnable r = () -> context.cancel(LATER);\n    r.run();\n  }\n}",
                "context.cancel(LATER)", "no @OnTimer method \"later\" in Auction", "LiveContext.cancel");
        expect(Diagnostic.TIMER_UNKNOWN, "@LiveObject public class Clock {\n"
                + "  private final LiveContext context;\n"
                + "  public Clock(LiveContext context) { this.context = context; }\n"
                + "  @Action void at(java.time.Instant when) { context.scheduleAt(\"tick\", when); }\n}",
                "scheduleAt(\"tick\"", "no @OnTimer method \"tick\" in Clock; it has no timers", "LiveContext.scheduleAt");
        expect(Diagnostic.TIMER_UNKNOWN, AUCTION + "  @Field java.time.Instant closesAt;\n"
                + "  @Action void open() {\n    closesAt = context.dueAt(\"closes\").orElse(null);\n  }\n}",
                "dueAt(\"closes\")", "no @OnTimer method \"closes\" in Auction; timers: close, remind", "LiveContext.dueAt");
    }

    @Test
    void timerNamesThatAreRightOrComputedCompile() {
        assertThat(compile(source(AUCTION + "  @Action void open(String name) {\n"
                + "    context.schedule(\"close\", java.time.Duration.ofMinutes(10));\n"
                + "    context.scheduleAt(REMIND, context.now());\n"
                + "    context.cancel(name);\n"
                + "    context.cancel(\"re\" + name);\n  }\n}"))).succeededWithoutWarnings();
    }

    @Test
    void errorsAreCollectedNotStoppedAtTheFirst() {
        JavaFileObject file = source("@LiveObject public class Game {\n"
                + "  @Field private int a;\n"
                + "  @Field Object b;\n"
                + "  @Action static void c() {}\n"
                + "  @OnCreate void d(int x) {}\n"
                + "}");
        assertErrors(compile(file), List.of(
                new Expected(Diagnostic.FIELD_PRIVATE, file, "private int a"),
                new Expected(Diagnostic.FIELD_TYPE_UNSUPPORTED, file, "Object b"),
                new Expected(Diagnostic.ACTION_STATIC, file, "static void c"),
                new Expected(Diagnostic.HOOK_SIGNATURE, file, "void d")));
    }

    @Test
    void aValidClassCompilesWithoutDiagnostics() {
        Compilation c = compile(source("@LiveObject public class Game {\n  @Field int moves;\n"
                + "  @Action void play(Caller caller, int cell) { moves++; }\n}"));
        assertThat(c).succeededWithoutWarnings();
    }

    @Test
    void aClassWithoutFieldsOrActionsCompiles() {
        assertThat(compile(source("@LiveObject public class Lobby {}"))).succeededWithoutWarnings();
    }

    @Test
    void everyDiagnosticIsTestedAndDocumented() throws Exception {
        String catalogue = Files.readString(Path.of("DIAGNOSTICS.md"));
        StringBuilder tests = new StringBuilder(); // this file and the others named *DiagnosticsTest.java
        try (var files = Files.list(Path.of("src/test/java/dev/tandem/processor"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith("DiagnosticsTest.java")).toList()) {
                tests.append(Files.readString(f));
            }
        }
        for (Diagnostic d : Diagnostic.values()) {
            assertTrue(catalogue.contains(d.code()), d.code() + " is missing from processor/DIAGNOSTICS.md");
            boolean tested = tests.indexOf("Diagnostic." + d.name() + ",") >= 0 || tests.indexOf("[" + d.code() + "]") >= 0;
            assertTrue(tested || d == Diagnostic.INTERNAL_ERROR, d + " has no negative compile test");
        }
    }
}
