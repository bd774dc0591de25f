package dev.tandem.runtime;

import java.util.regex.Pattern;

/** The rule for instance IDs, checked wherever one comes in. */
public final class InstanceIds {

    /** The longest instance ID. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._~:@+-]{1," + MAX_LENGTH + "}");

    private InstanceIds() {
    }

    /**
     * @param id an instance ID from a client
     * @return the same ID
     * @throws LiveObjectException {@code bad_request} if it breaks the rule, saying what is allowed
     */
    public static String check(String id) {
        if (id == null || !VALID.matcher(id).matches()) {
            String shown = id == null ? "nothing" : "'" + (id.length() > 40 ? id.substring(0, 40) + "…" : id) + "'";
            throw new LiveObjectException(ErrorCode.BAD_REQUEST, "an instance ID is 1 to " + MAX_LENGTH
                    + " letters, digits and - _ . ~ : @ +; got " + shown);
        }
        return id;
    }
}
