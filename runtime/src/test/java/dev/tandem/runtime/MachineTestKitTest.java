package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.runtime.fixtures.Invoice;
import dev.tandem.runtime.fixtures.Misstarted;
import dev.tandem.runtime.fixtures.Order;
import dev.tandem.runtime.fixtures.Toggle;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import dev.tandem.spi.TransitionRefusedException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** State machines in the test kit: transitions, refusals, hooks and timed transitions on the virtual clock. */
class MachineTestKitTest {

    private final TestCaller ada = TestCaller.user("ada");

    @Test
    void workkitsOrderRunsItsTransitionsAndRefusesTheOthersWithTheSeedsText() throws Exception {
        TestInstance<Order> order = LiveObjectTestKit.of(Order.class).create("o-1");
        assertEquals("PENDING", order.machineState());
        assertEquals(List.of("pay", "cancel"), order.allowed());
        TransitionRefusedException refused = assertThrows(TransitionRefusedException.class,
                () -> order.call(ada, "deliver"));
        assertEquals("state \"PENDING\" does not handle \"deliver\"; allowed: pay, cancel", refused.getMessage());
        assertEquals(List.of("pay", "cancel"), refused.allowed());
        assertEquals(1, order.revision(), "nothing ran");
        order.call(ada, "pay", "p-1");
        assertEquals(List.of("paid p-1", "exit PENDING", "enter PROCESSING"), order.object().log,
                "the hooks ran in the same turn, exit before enter");
        assertEquals(2, order.revision(), "one turn, one revision");
        assertEquals(List.of("cancel", "ship", "shipStraightToTheDoor"), order.allowed());
        order.call(ada, "ship");
        order.call(ada, "deliver");
        assertEquals("DELIVERED", order.machineState());
        assertEquals(List.of(), order.allowed(), "a terminal state allows nothing");
    }

    @Test
    void aBodyThatLeavesTheStateOutsideItsToRollsBack() throws Exception {
        TestInstance<Order> order = LiveObjectTestKit.of(Order.class).create("o-2");
        order.call(ada, "pay", "p-1");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> order.call(ada, "shipStraightToTheDoor"));
        assertEquals("'shipStraightToTheDoor' left the @State field 'status' in DELIVERED (from PROCESSING), outside its"
                + " @Transition(to = SHIPPED); the turn was rolled back. Set the field to one of those states, or add"
                + " DELIVERED to 'to'", e.getMessage());
        assertEquals("PROCESSING", order.machineState());
        assertEquals(List.of("paid p-1", "exit PENDING", "enter PROCESSING"), order.object().log);
    }

    @Test
    void onlyATransitionMayChangeTheState() throws Exception {
        TestInstance<Invoice> invoice = LiveObjectTestKit.of(Invoice.class).withProperty("test.invoice.write-off", "PT1H")
                .create("i-free");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> invoice.call(TestCaller.user("ada"), "forgive"));
        assertEquals("'forgive' changed the @State field 'status' from OPEN to PAID, but only an @Action or @OnTimer"
                + " with @Transition may change the state (so the allowed actions clients see and the diagram stay"
                + " true); the turn was rolled back. Make it a @Transition(from = \"OPEN\", to = \"PAID\"), or call one",
                e.getMessage());
        assertEquals("OPEN", invoice.machineState());
        assertEquals(List.of(), invoice.object().log, "rolled back");
    }

    @Test
    void anUnpaidOrderExpiresAfterAnHourAndAPaidOneNever() throws Exception {
        var kit = LiveObjectTestKit.of(Order.class);
        TestInstance<Order> unpaid = kit.create("unpaid");
        assertEquals(List.of("expire"), List.copyOf(unpaid.timers().keySet()), "scheduled on entering PENDING");
        unpaid.advance(Duration.ofMinutes(59));
        assertEquals("PENDING", unpaid.machineState());
        unpaid.advance(Duration.ofMinutes(1));
        assertEquals("CANCELLED", unpaid.machineState());
        assertEquals(List.of("expired", "exit PENDING"), unpaid.object().log);

        TestInstance<Order> paid = kit.create("paid");
        paid.call(ada, "pay", "p-2");
        assertEquals(List.of(), List.copyOf(paid.timers().keySet()), "cancelled on leaving PENDING");
        paid.advance(Duration.ofHours(2));
        assertEquals("PROCESSING", paid.machineState());
    }

    @Test
    void anInitializerThatDisagreesWithTheDeclaredInitialStateIsRefusedAtCreation() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> LiveObjectTestKit.of(Misstarted.class).create("m"));
        assertEquals("the @State field 'light' holds GREEN after construction, but @State(initial = \"RED\") declares"
                + " the initial state. Make its initializer and 'initial' agree", e.getMessage());
    }

    @Test
    void stateBackedsToggleCountsEverySwitchOn() throws Exception {
        TestInstance<Toggle> toggle = LiveObjectTestKit.of(Toggle.class).create("t");
        assertEquals(List.of("toggle"), toggle.allowed());
        toggle.call(ada, "toggle");
        toggle.call(TestCaller.user("bob"), "toggle");
        toggle.call(ada, "toggle");
        assertEquals("ON", toggle.machineState());
        assertEquals(2, toggle.state().get("count").asInt(), "the count is public state");
    }
}
