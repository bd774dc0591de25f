package dev.tandem.processor.extract;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.tandem.processor.TandemProcessor;
import java.util.HashMap;
import java.util.Map;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The type mapping and nullability rules, read from the model document a real compilation writes:
 * each Java type gives exactly the documented type description (docs/MODEL.md, processor/DIAGNOSTICS.md).
 */
class TypeMappingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String SOURCE = String.join("\n",
            "package com.example;",
            "import dev.tandem.*;",
            "import java.util.*;",
            "import java.lang.annotation.*;",
            "@LiveObject(\"shapes\") public class Shapes {",
            "  @Target({ElementType.FIELD, ElementType.TYPE_USE, ElementType.PARAMETER, ElementType.METHOD})",
            "  @interface Nullable {}",
            "  @Target({ElementType.FIELD, ElementType.TYPE_USE}) @interface NonNull {}",
            "  public enum Suit { CLUBS, HEARTS }",
            "  @Field Map<Suit, Integer> byEnum = new HashMap<>();",
            "  @Field Map<String, @Nullable String> byString = new HashMap<>();",
            "  @Field @Nullable int primitive;",
            "  @Field Integer boxedWithoutInitializer;",
            "  @Field Integer boxedWithInitializer = 1;",
            "  @Field @Nullable String annotated = \"x\";",
            "  @Field @NonNull String forcedNonNull;",
            "  @Field Integer[] boxes = new Integer[0];",
            "  @Field Optional<List<Suit>> optional = Optional.empty();",
            "  @Field Set<@Nullable Suit> suits = new HashSet<>();",
            "  @Field(stored = false) double cursor;",
            "  @Field boolean b; @Field byte y; @Field short s; @Field long l; @Field float f; @Field char c;",
            "  @Action @Nullable String echo(@Nullable String a, String b, int c) { return a; }",
            "  @Action List<Integer> list() { return List.of(); }",
            "}");

    // per test, not static: a mutation test runs the tests again for each change to the processor
    private Map<String, String> types;
    private JsonNode model;

    private JsonNode model() throws Exception {
        if (model == null) {
            Compilation c = Compiler.javac().withProcessors(new TandemProcessor())
                    .compile(JavaFileObjects.forSourceString("com.example.Shapes", SOURCE));
            assertThat(c).succeededWithoutWarnings();
            model = JSON.readTree(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/tandem/models/shapes.json")
                    .orElseThrow().getCharContent(true).toString());
            types = new HashMap<>();
            for (JsonNode f : model.get("fields")) {
                types.put(f.get("name").asText(), f.get("type").toString());
            }
        }
        return model;
    }

    private String field(String name) throws Exception {
        model();
        return types.get(name);
    }

    @Test
    void mapKeysAreStringsOrEnumRefs() throws Exception {
        assertEquals("{\"kind\":\"map\",\"keys\":{\"kind\":\"ref\",\"name\":\"com.example.Shapes.Suit\"},"
                + "\"values\":{\"kind\":\"scalar\",\"name\":\"int\"}}", field("byEnum"));
        assertEquals("{\"kind\":\"map\",\"keys\":{\"kind\":\"scalar\",\"name\":\"string\"},"
                + "\"values\":{\"kind\":\"scalar\",\"name\":\"string\",\"nullable\":true}}", field("byString"));
    }

    @Test
    void everyFieldIsInTheModelInDeclarationOrderAndStoredUnlessSaidOtherwise() throws Exception {
        StringBuilder fields = new StringBuilder();
        for (JsonNode f : model().get("fields")) {
            fields.append(f.get("name").asText()).append(f.get("stored").asBoolean() ? " " : "(live) ");
        }
        assertEquals("byEnum byString primitive boxedWithoutInitializer boxedWithInitializer annotated forcedNonNull"
                + " boxes optional suits cursor(live) b y s l f c ", fields.toString());
    }

    @Test
    void primitivesMapToTheirScalars() throws Exception {
        StringBuilder scalars = new StringBuilder();
        for (String f : new String[] {"b", "y", "s", "primitive", "l", "f", "cursor", "c"}) {
            scalars.append(field(f)).append('\n');
        }
        assertEquals("""
                {"kind":"scalar","name":"boolean"}
                {"kind":"scalar","name":"byte"}
                {"kind":"scalar","name":"short"}
                {"kind":"scalar","name":"int"}
                {"kind":"scalar","name":"long"}
                {"kind":"scalar","name":"float"}
                {"kind":"scalar","name":"double"}
                {"kind":"scalar","name":"char"}
                """, scalars.toString());
    }

    @Test
    void primitivesAreNeverNullable() throws Exception {
        assertEquals("{\"kind\":\"scalar\",\"name\":\"int\"}", field("primitive"));
    }

    @Test
    void fieldsAreNullableWithoutAnInitializerOrWithNullableAndNonNullWins() throws Exception {
        assertEquals("{\"kind\":\"scalar\",\"name\":\"int\",\"nullable\":true}", field("boxedWithoutInitializer"));
        assertEquals("{\"kind\":\"scalar\",\"name\":\"int\"}", field("boxedWithInitializer"));
        assertEquals("{\"kind\":\"scalar\",\"name\":\"string\",\"nullable\":true}", field("annotated"));
        assertEquals("{\"kind\":\"scalar\",\"name\":\"string\"}", field("forcedNonNull"));
    }

    @Test
    void arrayItemsAndTypeArgumentsAreNullableOnlyWhenAnnotated() throws Exception {
        assertEquals("{\"kind\":\"list\",\"items\":{\"kind\":\"scalar\",\"name\":\"int\"}}", field("boxes"));
        assertEquals("{\"kind\":\"set\",\"items\":{\"kind\":\"ref\",\"name\":\"com.example.Shapes.Suit\",\"nullable\":true}}",
                field("suits"));
        assertEquals("{\"kind\":\"optional\",\"value\":{\"kind\":\"list\",\"items\":{\"kind\":\"ref\","
                + "\"name\":\"com.example.Shapes.Suit\"}}}", field("optional"));
    }

    @Test
    void parametersAndReturnsAreNonNullUnlessAnnotated() throws Exception {
        JsonNode echo = null;
        JsonNode list = null;
        for (JsonNode a : model().get("actions")) {
            if (a.get("name").asText().equals("echo")) {
                echo = a;
            } else {
                list = a;
            }
        }
        assertEquals("[{\"name\":\"a\",\"type\":{\"kind\":\"scalar\",\"name\":\"string\",\"nullable\":true}},"
                + "{\"name\":\"b\",\"type\":{\"kind\":\"scalar\",\"name\":\"string\"}},"
                + "{\"name\":\"c\",\"type\":{\"kind\":\"scalar\",\"name\":\"int\"}}]", echo.get("parameters").toString());
        assertEquals("{\"kind\":\"scalar\",\"name\":\"string\",\"nullable\":true}", echo.get("returns").toString());
        assertEquals("{\"kind\":\"list\",\"items\":{\"kind\":\"scalar\",\"name\":\"int\"}}", list.get("returns").toString());
        JsonNode suit = model().get("types").get("com.example.Shapes.Suit");
        assertEquals("enum", suit.get("kind").asText());
        assertEquals("[\"CLUBS\",\"HEARTS\"]", suit.get("values").toString());
    }
}
