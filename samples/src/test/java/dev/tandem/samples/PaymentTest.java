package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import dev.tandem.spi.TransitionRefusedException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The payment sample's rules in the test kit: roles, the large-amount second approval, expiry on the test clock. */
class PaymentTest {

    private static final PaymentSettings SETTINGS = new PaymentSettings(Duration.ofMinutes(2), new BigDecimal("10000"));

    private final TestCaller riley = signedIn("riley", "requester");
    private final TestCaller avery = signedIn("avery", "approver");
    private final TestCaller adele = signedIn("adele", "admin");
    private final TestCaller abel = signedIn("abel", "admin");
    private final LiveObjectTestKit<Payment> kit = LiveObjectTestKit.of(Payment.class).withBean(PaymentSettings.class, SETTINGS);

    private static TestCaller signedIn(String user, String role) {
        return new TestCaller("c-" + user, user, true, java.util.Map.of()).withRoles(role).withClaim("name", user + " (" + role + ")");
    }

    private TestInstance<Payment> submitted(String amount) throws Exception {
        TestInstance<Payment> payment = kit.create("p");
        payment.call(riley, "submit", new BigDecimal(amount), "EUR", "Team offsite");
        return payment;
    }

    private static String refusal(TestInstance<Payment> payment, TestCaller caller, String action, Object... args) {
        long revision = payment.revision();
        LiveObjectException e = assertThrows(LiveObjectException.class, () -> payment.call(caller, action, args));
        assertEquals(ErrorCode.FORBIDDEN, e.code());
        assertEquals(revision, payment.revision(), "a refusal changes nothing");
        return e.getMessage();
    }

    @Test
    void anApproverApprovesASmallPaymentAndEveryStepIsLogged() throws Exception {
        TestInstance<Payment> payment = submitted("120.5");
        assertEquals("AWAITING_APPROVAL", payment.machineState());
        assertEquals(new BigDecimal("120.50"), payment.object().amount);
        assertEquals("You can't approve your own payment", refusal(payment, riley, "approve"));
        assertEquals("[\"submit\",\"cancel\"]", payment.state(riley).at("/you/may").toString(), "roles only: the machine says when");
        assertEquals("[\"approve\",\"reject\"]", payment.state(avery).at("/you/may").toString());
        payment.call(avery, "approve");
        assertEquals("APPROVED", payment.machineState());
        assertNull(payment.object().expiresAt);
        assertEquals(List.of(), List.copyOf(payment.timers().keySet()), "no expiry once decided");
        List<Payment.Step> log = payment.object().log;
        assertEquals(List.of("submitted riley requester", "approved avery approver"),
                log.stream().map(s -> s.what() + " " + s.by() + " " + s.role()).toList());
        assertEquals("avery (approver)", log.get(1).name());
    }

    @Test
    void aLargePaymentNeedsASecondApprovalByAnotherAdmin() throws Exception {
        TestInstance<Payment> payment = submitted("10000");
        payment.call(adele, "approve");
        assertEquals("AWAITING_ADMIN", payment.machineState());
        assertEquals("You approved it already: another admin must decide", refusal(payment, adele, "approve"));
        assertEquals("This large payment needs an admin to approve it", refusal(payment, avery, "approve"));
        assertEquals("[]", payment.state(avery).at("/you/may").toString());
        payment.call(abel, "approve");
        assertEquals("APPROVED", payment.machineState());
        assertEquals("approved admin second approval", payment.object().log.get(2).what() + " "
                + payment.object().log.get(2).role() + " " + payment.object().log.get(2).note());
    }

    @Test
    void onlyASignedInRequesterSubmitsAndOnlyTheRequesterCancels() throws Exception {
        TestInstance<Payment> payment = kit.create("p");
        assertEquals("Sign in to submit payments", refusal(payment, TestCaller.user("u-anonymous"), "submit",
                BigDecimal.TEN, "EUR", "Lunch"));
        assertEquals("Only a requester can submit a payment", refusal(payment, avery, "submit", BigDecimal.TEN, "EUR", "Lunch"));
        payment.call(riley, "submit", BigDecimal.TEN, "EUR", "Lunch");
        assertEquals("Only the requester can cancel this payment", refusal(payment, avery, "cancel"));
        payment.call(riley, "cancel");
        assertEquals("CANCELLED", payment.machineState());
    }

    @Test
    void anAnonymousVisitorCanNeitherReadNorConnect() throws Exception {
        TestInstance<Payment> payment = submitted("120.50");
        TestCaller anonymous = TestCaller.user("u-anonymous");
        LiveObjectException read = assertThrows(LiveObjectException.class, () -> payment.read(anonymous));
        assertEquals(ErrorCode.FORBIDDEN, read.code());
        assertEquals("Sign in to see payments", read.getMessage());
        LiveObjectException connect = assertThrows(LiveObjectException.class, () -> payment.connect(anonymous));
        assertEquals(ErrorCode.FORBIDDEN, connect.code());
        assertEquals(0, payment.presence().userCount(), "the refused client is not here");
        assertEquals(new BigDecimal("120.50"), new BigDecimal(payment.read(avery).get("amount").asText()), "a signed-in approver reads it");
        payment.connect(avery);
        assertEquals(1, payment.presence().userCount());
    }

    @Test
    void badInputIsRefusedWithWhatIsAllowed() throws Exception {
        TestInstance<Payment> payment = kit.create("p");
        assertEquals("Enter an amount above 0", rejected(payment, "0", "EUR", "Lunch"));
        assertEquals("Enter an amount up to 1000000 with at most two decimals, such as 1250.50",
                rejected(payment, "1.005", "EUR", "Lunch"));
        assertEquals("Pick a currency: one of EUR, USD, GBP, CHF (not XYZ)", rejected(payment, "5", "XYZ", "Lunch"));
        assertEquals("Describe the payment in 3 to 120 characters", rejected(payment, "5", "EUR", "  x "));
        assertEquals("DRAFT", payment.machineState());
    }

    private static String rejected(TestInstance<Payment> payment, String amount, String currency, String description) {
        Exception e = assertThrows(Exception.class,
                () -> payment.call(signedIn("riley", "requester"), "submit", new BigDecimal(amount), currency, description));
        assertEquals("dev.tandem.ActionRejected", e.getClass().getName());
        return e.getMessage();
    }

    @Test
    void anUndecidedPaymentExpiresOnTheClockEvenHalfwayThroughItsApprovals() throws Exception {
        TestInstance<Payment> payment = submitted("20000");
        assertEquals(payment.timers().get("expire"), payment.object().expiresAt, "the page's countdown is the timer");
        payment.advance(Duration.ofSeconds(60));
        payment.call(avery, "approve");
        assertEquals("AWAITING_ADMIN", payment.machineState());
        payment.advance(Duration.ofSeconds(59));
        assertEquals("AWAITING_ADMIN", payment.machineState(), "one deadline for both approvals");
        payment.advance(Duration.ofSeconds(1));
        assertEquals("EXPIRED", payment.machineState());
        assertEquals("expired", payment.object().log.get(2).what());
        assertNull(payment.object().log.get(2).by(), "the server's timer, not a user");
        TransitionRefusedException stale = assertThrows(TransitionRefusedException.class, () -> payment.call(adele, "approve"));
        assertEquals("state \"EXPIRED\" does not handle \"approve\"; allowed: none", stale.getMessage());
        assertEquals(List.of(), stale.allowed());
    }
}
