package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.client.InvalidTransitionException;
import dev.tandem.client.TandemClient;
import dev.tandem.runtime.fixtures.Order;
import dev.tandem.runtime.fixtures.OrderClient;
import dev.tandem.runtime.support.Await;
import dev.tandem.runtime.support.TestServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated Java client of a state machine (the Order fixture) against a real server:
 * {@code allowed()}, {@code can()} and {@code matches()} computed on the client follow the state,
 * and a disallowed call fails with {@link InvalidTransitionException} carrying the server's data.
 */
class JavaClientMachineTest {

    static TestServer server;
    static TandemClient tandem;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of());
        tandem = TandemClient.builder("http://127.0.0.1:" + server.server.getPort()).build();
    }

    @AfterAll
    static void stop() {
        tandem.close();
        server.close();
    }

    @Test
    void allowedCanAndMatchesFollowTheStateAndARefusalIsTyped() {
        String id = TestServer.uniqueId("order");
        try (OrderClient a = OrderClient.connect(tandem, id).join(); OrderClient b = OrderClient.connect(tandem, id).join()) {
            assertEquals(List.of("pay", "cancel"), a.allowed());
            assertTrue(a.can().pay());
            assertFalse(a.can().deliver());
            assertTrue(a.matches("PENDING"));
            assertTrue(a.matches(Order.Status.PENDING), "the state field's enum, so a misspelt state does not compile");
            assertFalse(a.matches(Order.Status.PROCESSING));
            CompletionException failed = assertThrows(CompletionException.class, () -> a.actions().deliver().join());
            InvalidTransitionException e = assertInstanceOf(InvalidTransitionException.class, failed.getCause());
            assertEquals("invalid_transition", e.code());
            assertEquals("state \"PENDING\" does not handle \"deliver\"; allowed: pay, cancel", e.getMessage());
            assertEquals("PENDING", e.state());
            assertEquals(List.of("pay", "cancel"), e.allowed());
            a.actions().pay("p-1").join();
            assertTrue(a.matches("PROCESSING"), "when the call completes, the view includes its turn");
            Await.until(() -> b.matches(Order.Status.PROCESSING), "b sees PROCESSING");
            assertEquals(List.of("cancel", "ship", "shipStraightToTheDoor"), b.allowed());
            assertTrue(b.can().ship());
        }
    }
}
