package dev.tandem.runtime.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.runtime.TandemConfiguration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Signing and checking session credentials, without a server. */
class SessionCredentialsTest {

    private static final String OLD = "old-key-0123456789-0123456789-0123456789";
    private static final String NEW = "new-key-0123456789-0123456789-0123456789";

    private static SessionCredentials with(String key, String... previous) {
        TandemConfiguration config = new TandemConfiguration();
        config.getSecurity().setSessionKey(key);
        config.getSecurity().setPreviousSessionKeys(List.of(previous));
        return new SessionCredentials(config, null); // a configured key needs no database (but adopts a generated one there)
    }

    @Test
    void aSignedCredentialVerifiesAndNamesTheSameUserEveryTime() {
        SessionCredentials credentials = with(NEW);
        byte[] random = SessionCredentials.newRandom();
        String credential = credentials.sign(random);
        assertTrue(credential.startsWith("s1."), credential);
        SessionCredentials.Verified verified = credentials.verify(credential).orElseThrow();
        assertTrue(verified.current());
        assertEquals(SessionCredentials.userId(random), SessionCredentials.userId(verified.random()));
        assertTrue(SessionCredentials.userId(random).matches("u-[A-Za-z0-9_-]{20}"));
        assertNotEquals(SessionCredentials.userId(random), SessionCredentials.userId(SessionCredentials.newRandom()));
    }

    @Test
    void anyChangeOrAnotherKeyFailsTheCheck() {
        String credential = with(NEW).sign(SessionCredentials.newRandom());
        SessionCredentials credentials = with(NEW);
        for (int i = 3; i < credential.length(); i++) {
            char c = credential.charAt(i);
            String changed = credential.substring(0, i) + (c == 'A' ? 'B' : 'A') + credential.substring(i + 1);
            assertFalse(credentials.verify(changed).isPresent(), "changed at " + i + ": " + changed);
        }
        assertFalse(with(OLD).verify(credential).isPresent(), "another key");
        for (String junk : new String[] {null, "", "s1.", "s1..", "s1.x.y", "u-abc", "s2" + credential.substring(2),
                credential + "A", "s1." + "A".repeat(300)}) {
            assertFalse(credentials.verify(junk).isPresent(), String.valueOf(junk));
        }
    }

    @Test
    void aPreviousKeyStillVerifiesButIsNotCurrent() {
        byte[] random = SessionCredentials.newRandom();
        String old = with(OLD).sign(random);
        SessionCredentials rotated = with(NEW, OLD);
        SessionCredentials.Verified verified = rotated.verify(old).orElseThrow();
        assertFalse(verified.current(), "so that its holder gets a credential under the new key");
        String reissued = rotated.sign(verified.random());
        assertTrue(rotated.verify(reissued).orElseThrow().current());
        assertEquals(SessionCredentials.userId(random), SessionCredentials.userId(rotated.verify(reissued).orElseThrow().random()),
                "the same user under the new key");
    }
}
