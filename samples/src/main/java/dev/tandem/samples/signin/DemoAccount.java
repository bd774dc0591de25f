package dev.tandem.samples.signin;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.util.List;

/**
 * One demo account, from {@code tandem.samples.demo-accounts.<username>} in application.yml. Demo
 * only: the passwords are in the configuration in plain text; a real application signs people in
 * through its identity provider instead.
 *
 * @param username the key under {@code demo-accounts}, which becomes the user ID
 * @param password the password to sign in with
 * @param name the display name, carried as the token's {@code name} claim
 * @param roles the roles, carried as the token's {@code roles} claim
 */
@EachProperty("tandem.samples.demo-accounts")
public record DemoAccount(@Parameter String username, String password, String name, List<String> roles) {
}
