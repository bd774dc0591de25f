package dev.tandem.runtime.web;

import dev.tandem.runtime.TandemConfiguration;
import dev.tandem.runtime.storage.StoredSecrets;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Anonymous session credentials: {@code s1.<random>.<signature>}, where the random part is 16
 * bytes only the holder knows and the signature is an HMAC-SHA256 of it under the server's session
 * key, so the server stores nothing per session. The user ID objects see is a one-way hash of the
 * random part: knowing it gives nothing to sign, so it is useless as a credential. The user ID does
 * not depend on the key, so a credential re-issued under a new key (rotation) is the same user.
 */
@Singleton
final class SessionCredentials {

    private static final String PREFIX = "s1.";
    private static final String SIGN_LABEL = "tandem/session/v1:";
    private static final String USER_LABEL = "tandem/user/v1:";
    private static final int RANDOM_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The current key (signs and verifies), then the previous ones (verify only). */
    private final List<SecretKeySpec> keys = new ArrayList<>();

    SessionCredentials(TandemConfiguration config, StoredSecrets secrets) {
        TandemConfiguration.Security security = config.getSecurity();
        byte[] current = security.getSessionKey() != null
                ? security.getSessionKey().getBytes(StandardCharsets.UTF_8)
                : secrets.getOrCreate("session-key", 32);
        keys.add(new SecretKeySpec(current, "HmacSHA256"));
        for (String previous : security.getPreviousSessionKeys()) {
            keys.add(new SecretKeySpec(previous.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        }
        if (security.getSessionKey() != null && secrets != null) { // (no database in unit tests)
            // a key generated before one was configured still verifies: its holders move to the new key
            secrets.find("session-key").ifPresent(generated -> keys.add(new SecretKeySpec(generated, "HmacSHA256")));
        }
    }

    /** A credential that checked out: the holder's secret part, and whether the current key signed it. */
    record Verified(byte[] random, boolean current) {
    }

    /** @return the secret part of a new credential, for a new user */
    static byte[] newRandom() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        return random;
    }

    /** @return a credential for the same random part (the same user) under the current key */
    String sign(byte[] random) {
        String part = B64.encodeToString(random);
        return PREFIX + part + "." + B64.encodeToString(mac(keys.get(0), part));
    }

    /** @return the credential's secret part, if a current or previous key signed it; never throws */
    Optional<Verified> verify(String credential) {
        if (credential == null || credential.length() > 200 || !credential.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = credential.indexOf('.', PREFIX.length());
        if (dot < 0) {
            return Optional.empty();
        }
        String part = credential.substring(PREFIX.length(), dot);
        byte[] random;
        byte[] signature;
        try {
            random = Base64.getUrlDecoder().decode(part);
            signature = Base64.getUrlDecoder().decode(credential.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (random.length != RANDOM_BYTES || !B64.encodeToString(random).equals(part)
                || !B64.encodeToString(signature).equals(credential.substring(dot + 1))) {
            return Optional.empty(); // one spelling per credential: no unused bits, no padding
        }
        for (int i = 0; i < keys.size(); i++) {
            if (MessageDigest.isEqual(mac(keys.get(i), part), signature)) {
                return Optional.of(new Verified(random, i == 0));
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("u-[A-Za-z0-9_-]{20}");

    /** @return whether {@code name} has the form of an anonymous user ID, a form no login may take */
    static boolean looksLikeUserId(String name) {
        return name != null && USER_ID.matcher(name).matches();
    }

    /** @return the public user ID of a credential's secret part: one way, and the same under every key */
    static String userId(byte[] random) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(USER_LABEL.getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha.digest(random);
            return "u-" + B64.encodeToString(hash).substring(0, 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static byte[] mac(SecretKeySpec key, String part) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal((SIGN_LABEL + part).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
