package dev.tandem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tandem.processor.DiagnosticsTest.assertErrors;
import static dev.tandem.processor.DiagnosticsTest.expect;
import static dev.tandem.processor.DiagnosticsTest.source;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Versions and migrations (TANDEM-600 to 607): the negative compile tests, and the exported schemas
 * ({@code -Atandem.schemas}): written, rewritten on compatible changes, an incompatible change
 * without a version bump failing on the class, and older versions checked for a way to the current one.
 */
class VersionDiagnosticsTest {

    @TempDir
    Path schemas;

    private Compilation compileWithSchemas(String body) {
        return Compiler.javac().withProcessors(new TandemProcessor())
                .withOptions("-Atandem.schemas=" + schemas).compile(source(body));
    }

    private Path file(int version) {
        return schemas.resolve("order").resolve(version + ".json");
    }

    private static final String V1 = "@LiveObject(\"order\")\npublic class Order {\n"
            + "  public enum Status { OPEN, PAID }\n"
            + "  public record Money(long cents, String currency) {}\n"
            + "  @Field String title = \"\";\n"
            + "  @Field int price;\n"
            + "  @Field Status status = Status.OPEN;\n"
            + "  @Field List<Money> refunds = new ArrayList<>();\n"
            + "  @Field(stored = false) int viewers;\n";

    // ---- the diagnostics ----

    @Test
    void versionBelowOne() {
        expect(Diagnostic.VERSION_INVALID, "@LiveObject(version = 0)\npublic class Order {}", "@LiveObject",
                "@LiveObject(version = 0) on Order is not a valid schema version. Versions start at 1");
    }

    @Test
    void migrateSignature() {
        expect(Diagnostic.MIGRATE_SIGNATURE, "@LiveObject(version = 2) public class Order {\n"
                + "  @Migrate(from = 1) void v1(StoredState state) {}\n}", "void v1",
                "@Migrate method Order.v1() has the wrong signature: it is not static",
                "Declare it as static void v1(StoredState state).");
        expect(Diagnostic.MIGRATE_SIGNATURE, "@LiveObject(version = 2) public class Order {\n"
                + "  @Migrate(from = 1) static int v1(String state) { return 0; }\n}", "static int v1",
                "it returns int (it changes the state in place); it takes (java.lang.String)");
    }

    @Test
    void migrateFromOutOfRange() {
        expect(Diagnostic.MIGRATE_FROM_INVALID, "@LiveObject(version = 2) public class Order {\n"
                + "  @Migrate(from = 2) static void v2(StoredState state) {}\n}", "static void v2",
                "@Migrate(from = 2) on Order.v2() can't run: Order is at version 2, so migrations go from 1 to 1.",
                "Use a version from 1 to 1, or bump @LiveObject(version = 3).");
        expect(Diagnostic.MIGRATE_FROM_INVALID, "@LiveObject public class Order {\n"
                + "  @Migrate(from = 1) static void v1(StoredState state) {}\n}", "static void v1",
                "There is nothing to migrate from.");
    }

    @Test
    void migrateDuplicate() {
        expect(Diagnostic.MIGRATE_DUPLICATE, "@LiveObject(version = 2) public class Order {\n"
                + "  @Migrate(from = 1) static void first(StoredState state) {}\n"
                + "  @Migrate(from = 1) static void second(StoredState state) {}\n}", "static void second",
                "@Migrate(from = 1) is on both Order.first() and Order.second(), but one method migrates each version.");
    }

    @Test
    void formerlyInvalid() {
        expect(Diagnostic.FORMERLY_INVALID, "@LiveObject(version = 2) public class Order {\n"
                + "  @Field String title = \"\";\n"
                + "  @Field @Formerly(\"title\") String name = \"\";\n}", "String name",
                "@Formerly on Order.name names \"title\", which is the name of a @Field of the class now.");
        expect(Diagnostic.FORMERLY_INVALID, "@LiveObject(version = 2) public class Order {\n"
                + "  @Field(stored = false) @Formerly(\"title\") String name = \"\";\n}", "String name",
                "has no effect: the field is @Field(stored = false)");
    }

    // ---- exported schemas ----

    @Test
    void theStoredShapeIsExportedSortedWithoutUnstoredFields() throws IOException {
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        String exported = Files.readString(file(1));
        JsonAssert.contains(exported, "\"typeName\" : \"order\"", "\"version\" : 1",
                "\"price\" : {\n      \"kind\" : \"int\"", "\"constants\" : [ \"OPEN\", \"PAID\" ]",
                "\"kind\" : \"array\"", "\"cents\" : {\n            \"kind\" : \"long\"",
                "\"currency\" : {\n            \"kind\" : \"string\"\n");
        assertFalse(exported.contains("viewers"), "fields kept out of storage are not part of the stored shape");
        assertTrue(exported.indexOf("\"price\"") < exported.indexOf("\"refunds\"")
                && exported.indexOf("\"refunds\"") < exported.indexOf("\"status\"")
                && exported.indexOf("\"status\"") < exported.indexOf("\"title\""), "sorted: " + exported);
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        assertEquals(exported, Files.readString(file(1)), "deterministic");
    }

    @Test
    void anIncompatibleChangeWithoutABumpFailsOnTheClass() throws IOException {
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        String v1 = Files.readString(file(1));
        String changed = V1.replace("@Field int price;", "@Field Money price = new Money(0, \"EUR\");")
                .replace("OPEN, PAID", "PAID").replace("Status.OPEN", "Status.PAID")
                .replace("@Field String title", "@Field String name");
        JavaFileObject source = source(changed + "}");
        Compilation c = Compiler.javac().withProcessors(new TandemProcessor())
                .withOptions("-Atandem.schemas=" + schemas).compile(source);
        assertThat(c).failed();
        assertErrors(c, List.of(new DiagnosticsTest.Expected(Diagnostic.SCHEMA_CHANGED_WITHOUT_BUMP, source,
                "@LiveObject", "The stored shape of Order changed incompatibly since version 1 was exported to",
                "field 'price' changed from int to object Money", "field 'status' (enum Status) lost constant OPEN",
                "stored field 'title' was removed or renamed",
                "Bump @LiveObject(version = 2) and add @Formerly or @Migrate(from = 1) for the change, or restore the field",
                "(If no instance was ever stored by version 1, delete the file to export it again.)")));
        assertEquals(v1, Files.readString(file(1)), "the exported file is left as it was");
    }

    @Test
    void compatibleChangesRewriteTheFileWithoutABump() throws IOException {
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        String grown = V1.replace("OPEN, PAID", "OPEN, PAID, SHIPPED")
                .replace("record Money(long cents, String currency)",
                        "@interface Nullable {}\n  public record Money(long cents, String currency, @Nullable String note)")
                + "  @Field long weight;\n}";
        assertThat(compileWithSchemas(grown)).succeeded();
        String exported = Files.readString(file(1));
        JsonAssert.contains(exported, "\"SHIPPED\"", "\"weight\"", "\"note\" : {\n            \"kind\" : \"string\",\n            \"nullable\" : true");
        String required = grown.replace("@Nullable String note", "String note");
        Compilation c = compileWithSchemas(required);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("field 'refunds' element component 'note' may no longer be null, but stored values may be null");
        assertFalse(Files.exists(file(2)));
    }

    @Test
    void aBumpWithRenamesAndAMigrationPassesAndExportsTheNewVersion() throws IOException {
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        String v2 = V1.replace("@LiveObject(\"order\")", "@LiveObject(value = \"order\", version = 2)")
                .replace("@Field String title", "@Field @Formerly(\"title\") String name")
                .replace("@Field int price;", "@Field Money price = new Money(0, \"EUR\");")
                + "  @Migrate(from = 1) static void v1(StoredState s) {\n"
                + "    long cents = s.getLong(\"price\");\n"
                + "    s.putObject(\"price\").put(\"cents\", cents).put(\"currency\", \"EUR\");\n  }\n}";
        assertThat(compileWithSchemas(v2)).succeeded();
        assertTrue(Files.exists(file(1)) && Files.exists(file(2)), "both versions are kept");
        JsonAssert.contains(Files.readString(file(2)), "\"version\" : 2", "\"name\"");
    }

    @Test
    void aBumpWithOnlyRenamesNeedsNoMigration() throws IOException {
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        String v2 = V1.replace("@LiveObject(\"order\")", "@LiveObject(value = \"order\", version = 2)")
                .replace("@Field String title", "@Field @Formerly(\"title\") String name") + "}";
        assertThat(compileWithSchemas(v2)).succeeded();
    }

    @Test
    void aBumpWithoutTheMigrationItNeedsFails() throws IOException {
        assertThat(compileWithSchemas(V1 + "}")).succeeded();
        String v2 = V1.replace("@LiveObject(\"order\")", "@LiveObject(value = \"order\", version = 2)")
                .replace("@Field String title", "@Field @Formerly(\"title\") String name")
                .replace("@Field int price;", "@Field Money price = new Money(0, \"EUR\");") + "}";
        JavaFileObject source = source(v2);
        Compilation c = Compiler.javac().withProcessors(new TandemProcessor())
                .withOptions("-Atandem.schemas=" + schemas).compile(source);
        assertThat(c).failed();
        assertErrors(c, List.of(new DiagnosticsTest.Expected(Diagnostic.MIGRATION_MISSING, source, "@LiveObject",
                "Order has no migration from version 1 (exported to", "to version 2",
                "field 'price' changed from int to object Money", "Add a method @Migrate(from = 1) static void v1(StoredState state)")));
        assertFalse(Files.exists(file(2)), "nothing exported for a failing class");
    }

    @Test
    void anUnreadableExportFails() throws IOException {
        Files.createDirectories(file(1).getParent());
        Files.writeString(file(1), "{ not json");
        JavaFileObject source = source(V1 + "}");
        Compilation c = Compiler.javac().withProcessors(new TandemProcessor())
                .withOptions("-Atandem.schemas=" + schemas).compile(source);
        assertThat(c).failed();
        assertErrors(c, List.of(new DiagnosticsTest.Expected(Diagnostic.SCHEMA_FILE_UNREADABLE, source, "@LiveObject",
                "of Order can't be read: it is not valid JSON")));
    }

    @Test
    void withoutTheOptionNothingIsExported() {
        assertThat(DiagnosticsTest.compile(source(V1 + "}"))).succeeded();
        assertFalse(Files.exists(schemas.resolve("order")));
    }

    /** Substring checks on exported JSON, with the text in the failure message. */
    static final class JsonAssert {
        static void contains(String text, String... parts) {
            for (String p : parts) {
                assertTrue(text.contains(p), "no " + p + " in\n" + text);
            }
        }
    }
}
