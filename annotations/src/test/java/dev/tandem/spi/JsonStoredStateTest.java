package dev.tandem.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.StoredState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a @Migrate method can do with the stored JSON, and the errors it gets naming the key. */
class JsonStoredStateTest {

    private static ObjectNode tree(String json) throws Exception {
        return (ObjectNode) new ObjectMapper().readTree(json);
    }

    enum Priority { HIGH }

    @Test
    void readsChangesAndNestsInPlace() throws Exception {
        ObjectNode tree = tree("{\"title\":\"t\",\"price\":250,\"rate\":1.5,\"open\":true,\"tags\":[\"a\",1],"
                + "\"owner\":{\"name\":\"ann\"},\"gone\":null}");
        StoredState s = new JsonStoredState(tree);
        assertEquals(Set.of("title", "price", "rate", "open", "tags", "owner", "gone"), s.names());
        assertEquals(250, s.getLong("price"));
        assertEquals(1.5, s.getDouble("rate"));
        assertEquals(true, s.getBoolean("open"));
        assertEquals(List.of("a", 1L), s.get("tags"));
        assertEquals(Map.of("name", "ann"), s.get("owner"));
        assertNull(s.getString("gone"));
        assertNull(s.getString("missing"));
        s.object("owner").put("name", "bob");
        long cents = s.getLong("price");
        s.putObject("price").put("cents", cents).put("currency", "EUR");
        s.rename("title", "name").remove("gone").put("priority", Priority.HIGH)
                .put("notes", List.of(Map.of("text", "x"), 2.5));
        assertEquals("{\"price\":{\"cents\":250,\"currency\":\"EUR\"},\"rate\":1.5,\"open\":true,\"tags\":[\"a\",1],"
                + "\"owner\":{\"name\":\"bob\"},\"name\":\"t\",\"priority\":\"HIGH\","
                + "\"notes\":[{\"text\":\"x\"},2.5]}", tree.toString());
    }

    @Test
    void wrongKindsNameTheKeyAndWhatItHolds() throws Exception {
        StoredState s = new JsonStoredState(tree("{\"price\":\"ten\",\"owner\":{\"age\":1.5}}"));
        assertEquals("'price' holds \"ten\" (a string), not an integral number",
                assertThrows(IllegalArgumentException.class, () -> s.getLong("price")).getMessage());
        assertEquals("'owner.age' holds 1.5 (a number), not an integral number",
                assertThrows(IllegalArgumentException.class, () -> s.object("owner").getLong("age")).getMessage());
        assertEquals("'missing' holds nothing, not a boolean",
                assertThrows(IllegalArgumentException.class, () -> s.getBoolean("missing")).getMessage());
        assertEquals("'when' can't hold a java.lang.Object: put null, a String, Number, Boolean, enum constant,"
                + " Collection, Map or StoredState",
                assertThrows(IllegalArgumentException.class, () -> s.put("when", new Object())).getMessage());
    }
}
