package dev.tandem.bench.jmh;

import dev.tandem.Action;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A live object with 20 fields of mixed types, the benchmark's subject. */
@LiveObject
public class Profile {

    /** A status. */
    public enum Status { ACTIVE, AWAY, OFFLINE }

    /** A postal address. */
    public record Address(String street, String city, String zip) {}

    /** A contact entry. */
    public record Contact(String name, String email, int priority) {}

    @Field String id = "user-1";
    @Field String name = "Ada Lovelace";
    @Field String email = "ada@example.com";
    @Field int age = 36;
    @Field long visits = 1234567;
    @Field double score = 98.5;
    @Field boolean verified = true;
    @Field Status status = Status.ACTIVE;
    @Field Instant joined = Instant.parse("2024-01-01T10:00:00Z");
    @Field Instant lastSeen = Instant.parse("2024-06-01T10:00:00Z");
    @Field Address home = new Address("12 Analytical Way", "London", "N1 1AA");
    @Field Address work = new Address("1 Engine Street", "London", "EC1 2BB");
    @Field List<String> tags = new ArrayList<>(List.of("math", "engines", "poetry", "music"));
    @Field List<Contact> contacts = new ArrayList<>(List.of(
            new Contact("Charles", "charles@example.com", 1), new Contact("Mary", "mary@example.com", 2)));
    @Field Map<String, Integer> counters = new LinkedHashMap<>(Map.of("posts", 10, "likes", 200, "shares", 3));
    @Field Map<String, String> settings = new LinkedHashMap<>(Map.of("theme", "dark", "lang", "en"));
    @Field Optional<String> nickname = Optional.of("Countess");
    @Field int[] recent = {1, 2, 3, 4, 5, 6, 7, 8};
    @Field String bio = "First computer programmer, wrote notes on the Analytical Engine.";
    @Field long revisionHint = 42;

    @Action
    long visit(Caller caller, String tag, int count) {
        visits += count;
        tags.add(tag);
        tags.remove(0);
        return visits;
    }
}
