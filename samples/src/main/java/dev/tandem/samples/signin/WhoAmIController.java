package dev.tandem.samples.signin;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /demo/me}: who the browser is signed in as (from its JWT cookie), and the demo
 * accounts it could sign in as (names and roles, never passwords), for the payment page's header.
 */
@Controller("/demo")
@Secured(SecurityRule.IS_ANONYMOUS)
final class WhoAmIController {

    /** The answer: {@code user} is null when not signed in. */
    record Me(String user, String name, List<String> roles, List<Account> accounts) {
    }

    /** A demo account as the sign-in form lists it. */
    record Account(String username, String name, List<String> roles) {
    }

    private final List<Account> accounts;

    WhoAmIController(List<DemoAccount> accounts) {
        List<String> order = List.of("requester", "approver", "admin");
        this.accounts = accounts.stream()
                .sorted(java.util.Comparator.comparingInt((DemoAccount a) -> a.roles().stream().mapToInt(order::indexOf).max()
                        .orElse(order.size())).thenComparing(DemoAccount::username))
                .map(a -> new Account(a.username(), a.name(), a.roles())).toList();
    }

    @Get("/me")
    Me me(@Nullable Authentication authentication) {
        if (authentication == null) {
            return new Me(null, null, List.of(), accounts);
        }
        Map<String, Object> claims = authentication.getAttributes();
        return new Me(authentication.getName(), String.valueOf(claims.getOrDefault("name", authentication.getName())),
                List.copyOf(authentication.getRoles()), accounts);
    }
}
