package dev.tandem.runtime.internal;

import dev.tandem.ActionRejected;
import dev.tandem.Caller;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.spi.ActionDescriptor;
import dev.tandem.spi.LiveObjectDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Internal API (used by the test kit too). Decides whether a client may read an instance or call
 * one of its actions: {@code @Secured} first, then {@code @AllowRead} / {@code @AllowWrite}, then
 * {@code tandem.security.deny-by-default}. An action no {@code @AllowWrite} rule or {@code @Secured}
 * covers may be called by whoever may read the instance. The server's own reads and calls are not checked.
 * Runs on the instance's turn thread, between turns: the rules may read fields.
 *
 * @param <T> the live-object class
 */
public final class Access<T> {

    private final LiveObjectDefinition<T> definition;
    private final InstanceKey key;
    private final boolean denyByDefault;
    private final Map<String, ActionDescriptor> actions = new HashMap<>();

    /**
     * @param definition the live object's definition
     * @param key the instance, for messages
     * @param denyByDefault whether what no rule covers is refused
     */
    public Access(LiveObjectDefinition<T> definition, InstanceKey key, boolean denyByDefault) {
        this.definition = definition;
        this.key = key;
        this.denyByDefault = denyByDefault;
        definition.actions().actions().forEach(a -> actions.put(a.name(), a));
    }

    /**
     * @param target the live object
     * @param caller who wants to read; {@code null} for the server
     * @return {@code null} if the caller may read, else why not ({@code forbidden}, or {@code internal}
     *     if the rule threw)
     */
    public LiveObjectException refuseRead(T target, Caller caller) {
        if (ServerCaller.is(caller)) {
            return null;
        }
        String what = "you may not read " + key;
        List<String> secured = definition.secured();
        if (!secured.isEmpty() && !SecuredRules.admit(secured, caller)) {
            return forbidden(what + ": its class is " + SecuredRules.describe(secured) + ", which does not admit "
                    + who(caller));
        }
        if (definition.hasAllowRead()) {
            return rule(() -> definition.allowRead(target, caller), what + ": its @AllowRead refused " + who(caller),
                    "@AllowRead");
        }
        if (denyByDefault && secured.isEmpty()) {
            return forbidden(what + ": " + definition.javaType().getSimpleName() + " has no @AllowRead method, and"
                    + " tandem.security.deny-by-default refuses reads no rule allows");
        }
        return null;
    }

    /**
     * @param target the live object
     * @param caller who calls; {@code null} or a {@link ServerCaller} for the server
     * @param action the action's name
     * @return {@code null} if the caller may call it (or it does not exist: that is answered as
     *     {@code unknown_action}), else why not
     */
    public LiveObjectException refuseWrite(T target, Caller caller, String action) {
        ActionDescriptor descriptor = actions.get(action);
        if (descriptor == null || ServerCaller.is(caller)) {
            return null;
        }
        String what = "you may not call '" + action + "' on " + key;
        if (!descriptor.secured().isEmpty() && !SecuredRules.admit(descriptor.secured(), caller)) {
            return forbidden(what + ": it is " + SecuredRules.describe(descriptor.secured()) + ", which does not admit "
                    + who(caller));
        }
        if (definition.hasAllowWrite(action)) {
            return rule(() -> definition.allowWrite(target, caller, action), what + ": @AllowWrite refused "
                    + who(caller), "@AllowWrite for '" + action + "'");
        }
        if (descriptor.secured().isEmpty() && definition.hasAllowRead()) {
            // no rule of its own: who may not see the instance may not change it either (over HTTP too)
            return rule(() -> definition.allowRead(target, caller), what + ": no @AllowWrite rule or @Secured covers"
                    + " it, so its @AllowRead decides, and it refused " + who(caller), "@AllowRead");
        }
        if (denyByDefault && descriptor.secured().isEmpty()) {
            return forbidden(what + ": no @AllowWrite rule or @Secured covers it, and tandem.security.deny-by-default"
                    + " refuses calls no rule allows");
        }
        return null;
    }

    private interface Rule {
        boolean allows() throws Exception;
    }

    private LiveObjectException rule(Rule rule, String refusal, String name) {
        try {
            return rule.allows() ? null : forbidden(refusal);
        } catch (ActionRejected e) {
            return forbidden(e.getMessage());
        } catch (Exception | Error e) {
            Outcome failed = Failures.outcome(e, key, name);
            return new LiveObjectException(failed.error(), failed.message(), failed.details());
        }
    }

    private static LiveObjectException forbidden(String message) {
        return new LiveObjectException(ErrorCode.FORBIDDEN, message);
    }

    private static String who(Caller caller) {
        return (caller.authenticated() ? "user '" : "anonymous user '") + caller.userId() + "'";
    }
}
