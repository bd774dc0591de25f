package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.After;
import dev.tandem.AllowRead;
import dev.tandem.AllowWrite;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveContext;
import dev.tandem.LiveObject;
import dev.tandem.OnEnter;
import dev.tandem.OnTimer;
import dev.tandem.State;
import dev.tandem.Transition;
import dev.tandem.View;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A payment that needs approval, one instance per payment. A requester submits it; an approver (or
 * an admin) approves or rejects it; from {@link PaymentSettings#largeAmount()} on, an admin must
 * approve it too; a payment still waiting after {@link PaymentSettings#expiry()} expires. Every
 * step is logged with who took it, in which role, and when.
 *
 * <p>Roles come from the signed-in principal ({@link Caller#roles()}: {@code requester},
 * {@code approver}, {@code admin}), never from what a client sends. The state machine decides
 * <i>when</i> an action may run (and clients know it without asking); {@link #refuse} decides
 * <i>who</i>, and {@link #you} tells each viewer what it decided for them.
 */
@LiveObject("payment")
public class Payment {

    public enum Status { DRAFT, AWAITING_APPROVAL, AWAITING_ADMIN, APPROVED, REJECTED, EXPIRED, CANCELLED }

    /** One step of the log: what happened, who did it (null for the server's timer), in which role, when. */
    public record Step(String what, String by, String name, String role, Instant at, String note) {
    }

    /** What the viewer is to this payment: who, with which roles, and the actions their roles allow now. */
    public record Viewer(String userId, String name, List<String> roles, List<String> may) {
    }

    static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP", "CHF");
    private static final BigDecimal MAX = new BigDecimal("1000000");

    private final LiveContext context;
    private final PaymentSettings settings;

    /** Where the payment is in its approval. */
    @Field @State(initial = "DRAFT", terminal = {"APPROVED", "REJECTED", "EXPIRED", "CANCELLED"})
    Status status = Status.DRAFT;
    /** The amount, up to two decimals. */
    @Field BigDecimal amount;
    /** EUR, USD, GBP or CHF. */
    @Field String currency;
    /** What the payment is for. */
    @Field String description;
    /** The user who submitted it, and their display name. */
    @Field String requester;
    @Field String requesterName;
    /** Whether the amount needs an admin's approval after the approver's. */
    @Field boolean needsAdmin;
    /** The user whose approval came first. */
    @Field String approvedBy;
    /** When a waiting payment expires; null once it is decided. */
    @Field Instant expiresAt;
    /** Every step, oldest first. */
    @Field List<Step> log = new ArrayList<>();

    public Payment(LiveContext context, PaymentSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Submits the payment for approval; the caller becomes its requester. */
    @Action @Transition(from = "DRAFT", to = "AWAITING_APPROVAL")
    void submit(Caller caller, BigDecimal amount, String currency, String description) {
        if (amount == null || amount.signum() <= 0) {
            throw new ActionRejected("Enter an amount above 0");
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.compareTo(MAX) > 0) {
            throw new ActionRejected("Enter an amount up to 1000000 with at most two decimals, such as 1250.50");
        }
        if (currency == null || !CURRENCIES.contains(currency)) {
            throw new ActionRejected("Pick a currency: one of EUR, USD, GBP, CHF (not " + currency + ")");
        }
        String what = description == null ? "" : description.strip();
        if (what.length() < 3 || what.length() > 120) {
            throw new ActionRejected("Describe the payment in 3 to 120 characters");
        }
        this.amount = amount.setScale(2);
        this.currency = currency;
        this.description = what;
        requester = caller.userId();
        requesterName = nameOf(caller);
        needsAdmin = amount.compareTo(settings.largeAmount()) >= 0;
        step(caller, "submitted", "requester", needsAdmin ? "large amount: needs an admin's approval too" : null);
        status = Status.AWAITING_APPROVAL;
    }

    /** Approves: the first approval (approver or admin), then for a large amount an admin's. */
    @Action @Transition(from = {"AWAITING_APPROVAL", "AWAITING_ADMIN"}, to = {"AWAITING_ADMIN", "APPROVED"})
    void approve(Caller caller) {
        if (status == Status.AWAITING_APPROVAL) {
            approvedBy = caller.userId();
            String role = caller.roles().contains("approver") ? "approver" : "admin";
            status = needsAdmin ? Status.AWAITING_ADMIN : Status.APPROVED;
            step(caller, "approved", role, needsAdmin ? "waiting for an admin" : null);
        } else {
            status = Status.APPROVED;
            step(caller, "approved", "admin", "second approval");
        }
    }

    /** Rejects the payment, with a reason the requester will read. */
    @Action @Transition(from = {"AWAITING_APPROVAL", "AWAITING_ADMIN"}, to = "REJECTED")
    void reject(Caller caller, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw new ActionRejected("Give a reason for the rejection, up to 200 characters");
        }
        String role = status == Status.AWAITING_ADMIN || !caller.roles().contains("approver") ? "admin" : "approver";
        status = Status.REJECTED;
        step(caller, "rejected", role, why);
    }

    /** Withdraws the payment while it waits; only its requester may. */
    @Action @Transition(from = {"AWAITING_APPROVAL", "AWAITING_ADMIN"}, to = "CANCELLED")
    void cancel(Caller caller) {
        status = Status.CANCELLED;
        step(caller, "cancelled", "requester", null);
    }

    /**
     * A payment nobody decided in time expires: the runtime starts this durable timer on entering
     * AWAITING_APPROVAL, keeps it through AWAITING_ADMIN and cancels it on any decision.
     */
    @OnTimer @Transition(from = {"AWAITING_APPROVAL", "AWAITING_ADMIN"}, to = "EXPIRED")
    @After("${tandem.samples.payment.expiry:PT2M}")
    void expire() {
        status = Status.EXPIRED;
        log.add(new Step("expired", null, "Tandem", "timer", context.now(), "no decision within " + settings.expiry()));
    }

    /** For the page's countdown: when the expiry timer, scheduled on entering this state, is due. */
    @OnEnter("AWAITING_APPROVAL")
    void startTheClock() {
        expiresAt = context.dueAt("expire").orElse(null);
    }

    @OnEnter({"APPROVED", "REJECTED", "EXPIRED", "CANCELLED"})
    void decided() {
        expiresAt = null;
    }

    /**
     * Only signed-in people see a payment: its amount, description, names and log are not for an
     * anonymous visitor who has (or guessed) a link. Refusing also means an anonymous visit never
     * creates or stores a payment.
     */
    @AllowRead
    boolean signedIn(Caller caller) {
        if (!caller.authenticated()) {
            throw new ActionRejected("Sign in to see payments");
        }
        return true;
    }

    /** Who may call what, checked before any action runs; the refusal's message says why. */
    @AllowWrite
    boolean allowed(Caller caller, String action) {
        String refusal = refuse(caller, action);
        if (refusal != null) {
            throw new ActionRejected(refusal);
        }
        return true;
    }

    /** The viewer, their roles, and the actions their roles allow them now (the page enables buttons by it). */
    @View
    Viewer you(Caller viewer) {
        List<String> may = new ArrayList<>();
        for (String action : List.of("submit", "approve", "reject", "cancel")) {
            if (refuse(viewer, action) == null) {
                may.add(action);
            }
        }
        return new Viewer(viewer.userId(), nameOf(viewer), List.copyOf(viewer.roles()), may);
    }

    /**
     * Why the caller may not call the action, or null if they may. Only roles and people are checked
     * here; in which states an action may run is the machine's job (@Transition).
     */
    private String refuse(Caller caller, String action) {
        Set<String> roles = caller.roles();
        if (!caller.authenticated()) {
            return "Sign in to " + action + " payments";
        }
        boolean admin = roles.contains("admin");
        return switch (action) {
            case "submit" -> roles.contains("requester") ? null : "Only a requester can submit a payment";
            case "cancel" -> caller.userId().equals(requester) ? null : "Only the requester can cancel this payment";
            case "approve", "reject" -> {
                if (caller.userId().equals(requester)) {
                    yield "You can't " + action + " your own payment";
                }
                if (status == Status.AWAITING_ADMIN) {
                    yield !admin ? "This large payment needs an admin to " + action + " it"
                            : caller.userId().equals(approvedBy) ? "You approved it already: another admin must decide"
                            : null;
                }
                yield admin || roles.contains("approver") ? null : "Only an approver or an admin can " + action;
            }
            default -> null;
        };
    }

    private void step(Caller caller, String what, String role, String note) {
        log.add(new Step(what, caller.userId(), nameOf(caller), role, context.now(), note));
    }

    private static String nameOf(Caller caller) {
        return caller.claims().get("name") instanceof String name ? name : caller.userId();
    }
}
