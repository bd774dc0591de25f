package dev.tandem.runtime.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Stored and served JSON is valid UTF-8 even for strings holding a lone surrogate, and reads back to the same string. */
class StoredJsonTest {

    @Test
    void aLoneSurrogateIsEscapedAndReadsBackTheSame() throws Exception {
        String cut = "a\uD83D"; // the first half of an emoji
        String text = StoredJson.text(TextNode.valueOf(cut));
        assertEquals("\"a\\uD83D\"", text);
        assertEquals(cut, new ObjectMapper().readTree(text).textValue());
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), StoredJson.bytes(TextNode.valueOf(cut)));
    }

    @Test
    void wholeCharactersReadBackTheSame() throws Exception {
        String text = StoredJson.text(TextNode.valueOf("é😀"));
        assertEquals("\"é\\uD83D\\uDE00\"", text, "Jackson escapes every surrogate, paired or not");
        assertEquals("é😀", new ObjectMapper().readTree(text).textValue());
    }
}
