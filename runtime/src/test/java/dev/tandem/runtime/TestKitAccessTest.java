package dev.tandem.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.runtime.fixtures.Counter;
import dev.tandem.runtime.fixtures.Payout;
import dev.tandem.runtime.fixtures.Vault;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import org.junit.jupiter.api.Test;

/** A user's unit test sees the same refusals as clients of a server: @AllowRead, @AllowWrite, @Secured, deny by default. */
class TestKitAccessTest {

    @Test
    void allowReadAndAllowWriteRefuseInTheKit() throws Exception {
        TestInstance<Vault> vault = LiveObjectTestKit.of(Vault.class).create("v1");
        TestCaller alice = TestCaller.user("alice");
        TestCaller bob = TestCaller.user("bob");
        vault.connect(alice);
        LiveObjectException read = assertThrows(LiveObjectException.class, () -> vault.connect(bob));
        assertEquals(ErrorCode.FORBIDDEN, read.code());
        assertEquals("you may not read vault/v1: its @AllowRead refused anonymous user 'bob'", read.getMessage());
        assertEquals(1, vault.state().get("visitors").size(), "@OnConnect did not run for bob");

        vault.call(alice, "share", "bob");
        long revision = vault.revision();
        LiveObjectException write = assertThrows(LiveObjectException.class, () -> vault.call(bob, "open"));
        assertEquals(ErrorCode.FORBIDDEN, write.code());
        assertEquals(0, vault.state().get("opened").asInt(), "the body did not run");
        assertEquals(revision, vault.revision());
        assertEquals(0, vault.call(bob, "peek").asInt());
        assertEquals(0, vault.read(bob).get("opened").asInt());
    }

    @Test
    void securedRolesRefuseInTheKit() throws Exception {
        TestInstance<Payout> payout = LiveObjectTestKit.of(Payout.class).create("p1");
        TestCaller bob = TestCaller.user("bob").withRoles("user");
        assertThrows(LiveObjectException.class, () -> payout.read(TestCaller.user("anonymous")));
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(LiveObjectException.class, () -> payout.call(bob, "approve")).code());
        payout.call(TestCaller.user("alice").withRoles("admin"), "approve");
        assertEquals("approved by alice", payout.state().get("status").asText());
    }

    @Test
    void denyByDefaultInTheKit() throws Exception {
        TestInstance<Counter> counter = LiveObjectTestKit.of(Counter.class).denyByDefault().create("c1");
        assertEquals(ErrorCode.FORBIDDEN, assertThrows(LiveObjectException.class,
                () -> counter.call(TestCaller.user("alice"), "increment", 1)).code());
        assertEquals(1, LiveObjectTestKit.of(Counter.class).create("c2").call(TestCaller.user("alice"), "increment", 1)
                .asInt(), "off by default");
    }
}
