package dev.tandem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tandem.processor.DiagnosticsTest.assertErrors;
import static dev.tandem.processor.DiagnosticsTest.compile;
import static dev.tandem.processor.DiagnosticsTest.expect;
import static dev.tandem.processor.DiagnosticsTest.source;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.tandem.processor.DiagnosticsTest.Expected;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The negative compile tests of who may do what: {@code @AllowRead}, {@code @AllowWrite} and
 * Micronaut Security's {@code @Secured}. {@code @Secured} comes from a stand-in source with
 * Micronaut Security's names, as the processor reads it by name and does not depend on it.
 */
class AccessDiagnosticsTest {

    static final JavaFileObject SECURED = JavaFileObjects.forSourceString("io.micronaut.security.annotation.Secured",
            "package io.micronaut.security.annotation;\n"
                    + "public @interface Secured { String[] value(); }\n");
    static final JavaFileObject SECURITY_RULE = JavaFileObjects.forSourceString("io.micronaut.security.rules.SecurityRule",
            "package io.micronaut.security.rules;\n"
                    + "public interface SecurityRule { String IS_AUTHENTICATED = \"isAuthenticated()\";"
                    + " String DENY_ALL = \"denyAll()\"; }\n");

    private static void expectSecured(Diagnostic diagnostic, String body, String line, String... messageParts) {
        JavaFileObject file = source("import io.micronaut.security.annotation.Secured;\n" + body);
        Compilation c = compile(file, SECURED, SECURITY_RULE);
        assertThat(c).failed();
        assertErrors(c, List.of(new Expected(diagnostic, file, line, messageParts)));
    }

    @Test
    void allowReadSignature() {
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @AllowRead void readers(Caller c) {}\n}",
                "void readers", "[TANDEM-500] @AllowRead method Doc.readers(Caller) has the wrong signature: it returns"
                        + " void, not boolean. Declare it as boolean readers(Caller caller).");
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @AllowRead boolean readers(String who) {"
                + " return true; }\n}", "boolean readers", "it takes (String), but it is given the Caller only");
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @AllowRead private boolean readers(Caller c)"
                + " { return true; }\n}", "boolean readers", "it is private, so generated code can't call it");
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @Action @AllowRead boolean readers(Caller c)"
                + " { return true; }\n}", "boolean readers", "it is also @Action");
    }

    @Test
    void allowWriteSignature() {
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @AllowWrite boolean writers(Caller c, int n)"
                + " { return true; }\n}", "boolean writers", "@AllowWrite method Doc.writers(Caller, int) has the wrong"
                + " signature: it takes (Caller, int), but it is given the Caller and, optionally, the action's name."
                + " Declare it as boolean writers(Caller caller, String action) or boolean writers(Caller caller).");
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @AllowWrite static boolean writers(Caller c)"
                + " { return true; }\n}", "boolean writers", "it is static, but it decides for one instance");
        expect(Diagnostic.ACCESS_SIGNATURE, "@LiveObject public class Doc {\n  @AllowWrite Boolean writers(Caller c)"
                + " { return true; }\n}", "Boolean writers", "it returns java.lang.Boolean, not boolean");
    }

    @Test
    void accessDuplicate() {
        expect(Diagnostic.ACCESS_DUPLICATE, "@LiveObject public class Doc {\n  @AllowRead boolean a(Caller c) { return true; }\n"
                + "  @AllowRead boolean b(Caller c) { return true; }\n}", "boolean b",
                "@AllowRead is on both Doc.a(Caller) and Doc.b(Caller), but a class has at most one @AllowRead.");
        expect(Diagnostic.ACCESS_DUPLICATE, "@LiveObject public class Doc {\n  @AllowWrite boolean a(Caller c) { return true; }\n"
                + "  @AllowWrite boolean b(Caller c) { return true; }\n}", "boolean b",
                "at most one general @AllowWrite (without a value)");
    }

    @Test
    void accessUnknownAction() {
        expect(Diagnostic.ACCESS_UNKNOWN_ACTION, "@LiveObject public class Doc {\n  @Action void edit() {}\n"
                + "  @Action void publish() {}\n"
                + "  @AllowWrite({\"edit\", \"delete\"}) boolean editors(Caller c) { return true; }\n}", "boolean editors",
                "@AllowWrite on Doc.editors(Caller) names action 'delete', but Doc has no such @Action."
                        + " Its actions are: edit, publish.");
    }

    @Test
    void accessActionTwice() {
        expect(Diagnostic.ACCESS_ACTION_TWICE, "@LiveObject public class Doc {\n  @Action void edit() {}\n"
                + "  @AllowWrite(\"edit\") boolean a(Caller c) { return true; }\n"
                + "  @AllowWrite(\"edit\") boolean b(Caller c) { return true; }\n}", "boolean b",
                "Action 'edit' is named by @AllowWrite on both Doc.a(Caller) and Doc.b(Caller), but one rule decides an action.");
    }

    @Test
    void securedEmpty() {
        expectSecured(Diagnostic.SECURED_EMPTY, "@LiveObject public class Doc {\n  @Secured({}) @Action void edit() {}\n}",
                "void edit", "@Secured on Doc.edit() lists no role or rule");
    }

    @Test
    void securedNotOnAction() {
        expectSecured(Diagnostic.SECURED_NOT_ON_ACTION, "@LiveObject public class Doc {\n  @Secured(\"admin\") @OnConnect"
                + " void joined() {}\n}", "void joined", "@Secured on Doc.joined() has no effect");
    }

    @Test
    void securedUnknownRule() {
        expectSecured(Diagnostic.SECURED_UNKNOWN_RULE, "@LiveObject public class Doc {\n  @Secured(\"isFullyAuthenticated()\")"
                + " @Action void edit() {}\n}", "void edit", "\"isFullyAuthenticated()\", which is not a rule Tandem knows");
    }

    @Test
    void jsr250AnnotationsAreRefusedNotSilentlyIgnored() {
        JavaFileObject rolesAllowed = JavaFileObjects.forSourceString("jakarta.annotation.security.RolesAllowed",
                "package jakarta.annotation.security;\npublic @interface RolesAllowed { String[] value(); }\n");
        JavaFileObject file = source("import jakarta.annotation.security.RolesAllowed;\n@LiveObject public class Doc {\n"
                + "  @RolesAllowed(\"admin\") @Action void approve() {}\n}");
        Compilation c = compile(file, rolesAllowed);
        assertThat(c).failed();
        assertErrors(c, List.of(new Expected(Diagnostic.SECURITY_ANNOTATION_IGNORED, file, "void approve",
                "[TANDEM-507] @RolesAllowed on Doc.approve() would not be checked: Tandem honours Micronaut Security's"
                        + " @Secured only, so it would be open to every caller. Use @Secured with the same roles,"
                        + " like @Secured(\"admin\") instead.")));
    }

    @Test
    void allowAnnotationsOutsideALiveObject() {
        expect(Diagnostic.ANNOTATION_OUTSIDE_LIVE_OBJECT, "public class Doc {\n  @AllowRead boolean readers(Caller c)"
                + " { return true; }\n}", "boolean readers", "@AllowRead on Doc.readers has no effect");
    }

    @Test
    void validRulesCompileWithoutDiagnostics() {
        JavaFileObject file = source("import io.micronaut.security.annotation.Secured;\n"
                + "import io.micronaut.security.rules.SecurityRule;\n"
                + "@LiveObject @Secured(SecurityRule.IS_AUTHENTICATED) public class Doc {\n  @Field String owner;\n"
                + "  @Action void edit() {}\n  @Secured({\"admin\", \"editor\"}) @Action void delete() {}\n"
                + "  @Secured(SecurityRule.DENY_ALL) @Action void purge() {}\n"
                + "  @AllowRead boolean readers(Caller c) { return true; }\n"
                + "  @AllowWrite boolean writers(Caller c, String action) { return true; }\n"
                + "  @AllowWrite({\"delete\", \"purge\"}) boolean owner(Caller c) { return c.userId().equals(owner); }\n}");
        assertThat(compile(file, SECURED, SECURITY_RULE)).succeededWithoutWarnings();
    }
}
