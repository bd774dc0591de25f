package com.example;

import dev.tandem.Action;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/** Every mapping the client generator knows, in one class. */
@LiveObject
public class Everything {

    /** A level. */
    public enum Level { LOW, HIGH }

    /** A pair of values. */
    public record Pair(String left, @Nullable Integer right) {}

    @Field boolean flag;
    @Field byte tiny;
    @Field short small;
    @Field int count;
    @Field long big;
    @Field float ratio;
    @Field double amount;
    @Field char initial;
    @Field Boolean maybeFlag;
    @Field Integer maybeCount;
    @Field String name = "";
    @Field @Nullable String nickname;
    @Field UUID uuid;
    @Field BigDecimal price;
    @Field BigInteger huge;
    @Field Instant instant;
    @Field LocalDate date;
    @Field LocalTime time;
    @Field LocalDateTime dateTime;
    @Field OffsetDateTime offsetDateTime;
    @Field ZonedDateTime zonedDateTime;
    @Field Duration duration;
    @Field Period period;
    @Field Level level = Level.LOW;
    @Field Pair pair = new Pair("a", null);
    @Field List<String> list = new ArrayList<>();
    @Field Set<Level> levels = new LinkedHashSet<>();
    @Field int[] numbers = new int[0];
    @Field Pair[] pairs = new Pair[0];
    @Field Map<String, Pair> byName = new HashMap<>();
    @Field EnumMap<Level, List<String>> byLevel = new EnumMap<>(Level.class);
    @Field SortedMap<String, Map<String, Set<Integer>>> nested = new TreeMap<>();
    @Field Optional<Instant> deadline = Optional.empty();
    @Field List<@Nullable String> gaps = new ArrayList<>();
    @Field(stored = false) Map<String, Double> live = new HashMap<>();

    @Action
    Pair swap(Caller caller, Pair pair, Optional<Level> level) {
        return new Pair(pair.left(), pair.right());
    }

    @Action
    Map<Level, Integer> tally(List<Level> seen) {
        return new EnumMap<>(Level.class);
    }

    @Action
    @Nullable String describe(int delete, String function) {
        return null;
    }
}
