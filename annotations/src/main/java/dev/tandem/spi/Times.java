package dev.tandem.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Readers and writers of {@code java.time} types: each is an ISO-8601 string, as produced by the
 * type's {@code toString()} and accepted by its {@code parse}. An {@code Instant} is written as
 * {@code 2024-01-31T12:00:00Z}, which JavaScript's {@code new Date(...)} reads.
 */
public final class Times {

    private Times() {
    }

    /** @param node the value @return the instant, or {@code null} */
    public static Instant readInstant(JsonNode node) {
        return parse(node, Instant::parse, "an ISO-8601 instant string (like 2024-01-31T12:00:00Z)");
    }

    /** @param node the value @return the date, or {@code null} */
    public static LocalDate readLocalDate(JsonNode node) {
        return parse(node, LocalDate::parse, "an ISO-8601 date string (like 2024-01-31)");
    }

    /** @param node the value @return the time, or {@code null} */
    public static LocalTime readLocalTime(JsonNode node) {
        return parse(node, LocalTime::parse, "an ISO-8601 time string (like 12:30:00)");
    }

    /** @param node the value @return the date-time, or {@code null} */
    public static LocalDateTime readLocalDateTime(JsonNode node) {
        return parse(node, LocalDateTime::parse, "an ISO-8601 date-time string (like 2024-01-31T12:30:00)");
    }

    /** @param node the value @return the date-time, or {@code null} */
    public static OffsetDateTime readOffsetDateTime(JsonNode node) {
        return parse(node, OffsetDateTime::parse, "an ISO-8601 date-time string with offset (like 2024-01-31T12:30:00+01:00)");
    }

    /** @param node the value @return the date-time, or {@code null} */
    public static ZonedDateTime readZonedDateTime(JsonNode node) {
        return parse(node, ZonedDateTime::parse, "an ISO-8601 date-time string with zone (like 2024-01-31T12:30:00+01:00[Europe/Paris])");
    }

    /** @param node the value @return the duration, or {@code null} */
    public static Duration readDuration(JsonNode node) {
        return parse(node, Duration::parse, "an ISO-8601 duration string (like PT1M30S)");
    }

    /** @param node the value @return the period, or {@code null} */
    public static Period readPeriod(JsonNode node) {
        return parse(node, Period::parse, "an ISO-8601 period string (like P1Y2M3D)");
    }

    /**
     * @param value any {@code java.time} value
     * @return its ISO-8601 string, or JSON null
     */
    public static JsonNode write(Object value) {
        return value == null ? Json.nullNode() : TextNode.valueOf(value.toString());
    }

    private static <T> T parse(JsonNode node, Function<CharSequence, T> parser, String expected) {
        String text = Scalars.readText(node, expected);
        try {
            return text == null ? null : parser.apply(text);
        } catch (DateTimeParseException e) {
            throw new JsonDecodeException(expected, node);
        }
    }
}
