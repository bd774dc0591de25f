package dev.tandem.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.tandem.processor.DiagnosticsTest.compile;
import static dev.tandem.processor.DiagnosticsTest.expect;
import static dev.tandem.processor.DiagnosticsTest.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The negative compile tests of state machines (TANDEM-800 to 808) and its warnings (850, 851). */
class MachineDiagnosticsTest {

    private static final String HEAD = "@LiveObject public class Order {\n"
            + "  public enum Status { PENDING, PAID, CANCELLED }\n";
    private static final String MACHINE = HEAD
            + "  @Field @State(initial = \"PENDING\", terminal = \"CANCELLED\") Status status = Status.PENDING;\n";

    @Test
    void stateNotField() {
        expect(Diagnostic.STATE_NOT_FIELD, HEAD + "  @State(initial = \"PENDING\") Status status;\n}", "Status status;",
                "@State on Order.status has no effect: it is not a @Field", "Add @Field");
    }

    @Test
    void stateNotEnum() {
        expect(Diagnostic.STATE_NOT_ENUM, HEAD + "  @Field @State(initial = \"PENDING\") String status = \"PENDING\";\n}",
                "String status", "@State can't be applied to Order.status: it has type java.lang.String",
                "Declare the field with an enum type");
    }

    @Test
    void stateDuplicate() {
        expect(Diagnostic.STATE_DUPLICATE, MACHINE
                + "  @Field @State(initial = \"PAID\") Status other = Status.PAID;\n"
                + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n}", "Status other",
                "@State is on both Order.status and Order.other, but a class has one state machine");
    }

    @Test
    void unknownStateNamesTheValidOnes() {
        expect(Diagnostic.STATE_UNKNOWN, MACHINE
                + "  @Action @Transition(from = \"PENDING\", to = \"PAYED\") void pay() {}\n}", "void pay",
                "@Transition(to) on Order.pay() names state \"PAYED\", but Status has no such constant.",
                "Its states are: PENDING, PAID, CANCELLED. Use one of them.");
        expect(Diagnostic.STATE_UNKNOWN, MACHINE
                + "  @Action @Transition(from = \"PENDNG\", to = \"PAID\") void pay() {}\n}", "void pay",
                "@Transition(from) on Order.pay() names state \"PENDNG\"", "or \"*\" for every non-terminal state");
        expect(Diagnostic.STATE_UNKNOWN, HEAD + "  @Field @State(initial = \"NEW\") Status status = Status.PENDING;\n"
                + "  @Action @Transition(from = \"*\", to = \"CANCELLED\") void cancel() {}\n}", "Status status",
                "@State(initial) on Order.status names state \"NEW\"");
        expect(Diagnostic.STATE_UNKNOWN, HEAD
                + "  @Field @State(initial = \"PENDING\", terminal = \"DONE\") Status status = Status.PENDING;\n"
                + "  @Action @Transition(from = \"*\", to = \"CANCELLED\") void cancel() {}\n}", "Status status",
                "@State(terminal) on Order.status names state \"DONE\"");
        expect(Diagnostic.STATE_UNKNOWN, MACHINE + "  @Action @Transition(from = \"*\", to = \"PAID\") void pay() {}\n"
                + "  @OnEnter(\"PAYED\") void paid() {}\n}", "void paid", "@OnEnter on Order.paid() names state \"PAYED\"");
    }

    @Test
    void transitionNotOnActionOrTimer() {
        expect(Diagnostic.TRANSITION_NOT_ON_ACTION, MACHINE
                + "  @Action @Transition(from = \"*\", to = \"PAID\") void pay() {}\n"
                + "  @Transition(from = \"PENDING\", to = \"PAID\") void helper() {}\n}", "void helper",
                "@Transition on Order.helper() has no effect: the method is neither @Action nor @OnTimer");
    }

    @Test
    void transitionWithoutState() {
        expect(Diagnostic.TRANSITION_WITHOUT_STATE, HEAD + "  @Field Status status = Status.PENDING;\n"
                + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n}", "void pay",
                "@Transition on Order.pay() has no effect: Order has no @State field", "@State(initial = \"...\")");
    }

    @Test
    void afterMisplaced() {
        expect(Diagnostic.AFTER_MISPLACED, MACHINE
                + "  @Action @Transition(from = \"*\", to = \"PAID\") @After(\"PT1H\") void pay() {}\n}", "void pay",
                "@After on Order.pay() has no effect", "needs both @OnTimer and @Transition");
    }

    @Test
    void afterInvalid() {
        expect(Diagnostic.AFTER_INVALID, MACHINE
                + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n"
                + "  @OnTimer @Transition(from = \"PENDING\", to = \"CANCELLED\") @After(\"24h\") void expire() {}\n}",
                "void expire", "@After(\"24h\") on Order.expire() is not a positive ISO-8601 duration", "\"PT24H\"");
    }

    @Test
    void afterPlaceholderInvalid() {
        expect(Diagnostic.AFTER_PLACEHOLDER_INVALID, MACHINE
                + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n"
                + "  @OnTimer @Transition(from = \"PENDING\", to = \"CANCELLED\")\n"
                + "  @After(\"${order.expiry:2m}\") void expire() {}\n}",
                "void expire", "@After(\"${order.expiry:2m}\") on Order.expire() is not a valid placeholder:"
                + " its default '2m' is not a positive ISO-8601 duration", "\"${payment.expiry:PT2M}\"");
        expect(Diagnostic.AFTER_PLACEHOLDER_INVALID, MACHINE
                + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n"
                + "  @OnTimer @Transition(from = \"PENDING\", to = \"CANCELLED\")\n"
                + "  @After(\"${:PT2M}\") void expire() {}\n}",
                "void expire", "is not a valid placeholder: it names no configuration key");
    }

    @Test
    void placeholdersWithAndWithoutDefaultCompile() {
        assertThat(compile(source(MACHINE + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n"
                + "  @OnTimer @Transition(from = \"PENDING\", to = \"CANCELLED\") @After(\"${order.expiry:PT2M}\")"
                + " void expire() {}\n"
                + "  @OnTimer @Transition(from = \"PAID\", to = \"CANCELLED\") @After(\"${order.refund-window}\")"
                + " void close() {}\n}")))
                .succeededWithoutWarnings();
    }

    @Test
    void warnsAboutUnreachableStatesAndStatesWithNoWayOut() {
        JavaFileObject file = source(MACHINE + "  @Action @Transition(from = \"PENDING\", to = \"CANCELLED\") void cancel() {}\n}");
        Compilation c = compile(file);
        assertThat(c).succeeded();
        assertThat(c).hadWarningContaining("[TANDEM-850] State PAID of Order.status"
                + " can't be reached from the initial state PENDING").inFile(file).onLineContaining("Status status");
        assertThat(c).hadWarningCount(1);
        JavaFileObject dead = source(MACHINE + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n}");
        Compilation d = compile(dead);
        assertThat(d).hadWarningContaining("[TANDEM-851] State PAID of Order.status has"
                + " no way out").inFile(dead).onLineContaining("Status status");
    }

    @Test
    void aCompleteMachineCompilesWithoutWarnings() {
        assertThat(compile(source(MACHINE + "  @Action @Transition(from = \"PENDING\", to = \"PAID\") void pay() {}\n"
                + "  @Action @Transition(from = \"*\", to = \"CANCELLED\") void cancel() {}\n"
                + "  @Action void rename(String name) {}\n"
                + "  @OnEnter(\"PAID\") void paid() {}\n  @OnExit({\"PENDING\", \"PAID\"}) void left() {}\n"
                + "  @OnTimer @Transition(from = \"PENDING\", to = \"CANCELLED\") @After(\"PT24H\") void expire() {}\n}")))
                .succeededWithoutWarnings();
    }
}
