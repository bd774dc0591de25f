package dev.tandem.processor;

import java.util.Locale;

/**
 * Every compile error the processor reports, with a stable code. The catalogue is documented in
 * {@code processor/DIAGNOSTICS.md}; each entry has a negative compile test. Messages say what was
 * found, why it is wrong, and how to fix it.
 */
public enum Diagnostic {
    NOT_A_CLASS(100, "@LiveObject can't be applied to %s: it is %s. Put @LiveObject on a class."),
    ABSTRACT_CLASS(101, "@LiveObject class %s is abstract, so Tandem can't create instances of it. Make it a concrete class."),
    INNER_CLASS(102, "@LiveObject class %s is %s, so it can't be created on its own."
            + " Make it a top-level class or a static nested class."),
    CLASS_NOT_ACCESSIBLE(103, "@LiveObject class %s is private or nested in a private class, so generated code can't use it."
            + " Make it package-private or public."),
    GENERIC_CLASS(104, "@LiveObject class %s declares type parameters, but the runtime creates instances without type"
            + " arguments. Remove the type parameters."),
    NO_USABLE_CONSTRUCTOR(105, "@LiveObject class %s has %s. Declare one non-private constructor, or mark the one to use"
            + " with @Inject."),
    CONSTRUCTOR_PARAMETER_UNSUPPORTED(106, "Constructor parameter '%s' of %s has type %s, which %s."
            + " Take a bean by its non-generic class or interface, or the instance's LiveContext."),
    INVALID_TYPE_NAME(107, "@LiveObject(\"%s\") on %s is not a valid type name. Use lowercase letters, digits and single"
            + " dashes, starting with a letter, like \"tic-tac-toe\"."),
    DUPLICATE_TYPE_NAME(108, "Type name \"%s\" of %s is also the type name of %s, but each type name must be unique."
            + " Give one of them another name with @LiveObject(\"...\")."),
    ANNOTATION_OUTSIDE_LIVE_OBJECT(109, "@%s on %s has no effect: %s is not annotated @LiveObject."
            + " Add @LiveObject to %s (members of superclasses are not inherited), or remove @%s."),
    CONSTRUCTOR_PARAMETER_VALUE(110, "%s's constructor parameter '%s' is %s, which Tandem can't supply: the runtime"
            + " creates a live object with no arguments of yours. Take initial values from field initializers or"
            + " @OnCreate, and take only LiveContext or beans (services) as constructor parameters."),

    FIELD_PRIVATE(200, "@Field can't be applied to %s: it is private, so generated code can't read it."
            + " Make it package-private."),
    FIELD_FINAL(201, "@Field can't be applied to %s: it is final, so it can't be restored when a turn fails or the"
            + " instance is loaded. Remove final."),
    FIELD_STATIC(202, "@Field can't be applied to %s: it is static, so every instance would share it. Remove static."),
    FIELD_TYPE_UNSUPPORTED(203, "@Field %s has type %s, which can't be mapped to JSON: %s"),
    FIELD_NAME_RESERVED(204, "@Field %s can't be called '%s': the generated client's State record can't have a"
            + " component with the name of a method of Object. Rename the field."),

    ACTION_PRIVATE(300, "@Action %s is private, so generated code can't call it. Make it package-private."),
    ACTION_STATIC(301, "@Action %s is static, but actions run on an instance. Remove static."),
    ACTION_OVERLOADED(302, "@Action %s is overloaded, but clients call actions by name. Give each action its own name."),
    ACTION_PARAMETER_UNSUPPORTED(303, "Parameter '%s' of @Action %s has type %s, which can't be mapped to JSON: %s"),
    ACTION_RETURN_UNSUPPORTED(304, "@Action %s returns %s, which can't be mapped to JSON: %s"),
    CALLER_DECLARED_TWICE(305, "@Action %s declares Caller more than once, but there is one caller."
            + " Keep one Caller parameter."),
    ACTION_NAME_RESERVED(306, "@Action %s can't be called '%s': the generated client can't have a method with the name"
            + " of a method of Object. Rename the action."),
    ACTION_GENERIC(307, "@Action %s declares type parameters, but JSON arguments carry no Java types."
            + " Use concrete parameter and return types."),

    HOOK_SIGNATURE(400, "@%s method %s has the wrong signature: %s. Declare it as %s."),
    HOOK_DUPLICATE(401, "@%s is on both %s and %s, but a class has at most one. Merge them into one method."),
    CONFLICTING_ANNOTATIONS(402, "%s is annotated both @%s and @%s, but a method has one role. Split it into two methods."),
    TIMER_UNKNOWN(403, "no @OnTimer method \"%s\" in %s; %s. LiveContext.%s takes the name of one of the class's"
            + " @OnTimer methods: use one of those names, or add @OnTimer void %s()."),

    ACCESS_SIGNATURE(500, "@%s method %s has the wrong signature: %s. Declare it as %s."),
    ACCESS_DUPLICATE(501, "@%s is on both %s and %s, but a class has at most one %s. Merge them into one method."),
    ACCESS_UNKNOWN_ACTION(502, "@AllowWrite on %s names action '%s', but %s has no such @Action. Its actions are: %s."
            + " Name one of them, or remove the name."),
    ACCESS_ACTION_TWICE(503, "Action '%s' is named by @AllowWrite on both %s and %s, but one rule decides an action."
            + " Name it in one of them only."),
    SECURED_EMPTY(504, "@Secured on %s lists no role or rule, so it is unclear who may call it. List roles, like"
            + " @Secured(\"admin\"), or a rule: @Secured(SecurityRule.IS_AUTHENTICATED), or SecurityRule.DENY_ALL to"
            + " refuse everyone."),
    SECURED_NOT_ON_ACTION(505, "@Secured on %s has no effect: Tandem checks @Secured on @Action methods and on the"
            + " @LiveObject class only. Put it on an action, or check the caller in the method itself."),
    SECURED_UNKNOWN_RULE(506, "@Secured on %s has \"%s\", which is not a rule Tandem knows. Use a role name or one of"
            + " isAuthenticated(), isAnonymous(), permitAll(), denyAll() (the SecurityRule constants)."),
    SECURITY_ANNOTATION_IGNORED(507, "@%s on %s would not be checked: Tandem honours Micronaut Security's @Secured"
            + " only, so it would be open to every caller. Use %s instead."),
    VERSION_INVALID(600, "@LiveObject(version = %d) on %s is not a valid schema version. Versions start at 1; use"
            + " 1 or more."),
    MIGRATE_SIGNATURE(601, "@Migrate method %s has the wrong signature: %s. Declare it as"
            + " static void %s(StoredState state)."),
    MIGRATE_FROM_INVALID(602, "@Migrate(from = %d) on %s can't run: %s is at version %d, so migrations go from 1 to %d."
            + " %s"),
    MIGRATE_DUPLICATE(603, "@Migrate(from = %d) is on both %s and %s, but one method migrates each version."
            + " Merge them into one method."),
    SCHEMA_CHANGED_WITHOUT_BUMP(604, "The stored shape of %s changed incompatibly since version %d was exported to %s: %s."
            + " State stored by version %d would not load. Bump @LiveObject(version = %d) and add @Formerly or"
            + " @Migrate(from = %d) for the change, or restore the field as it was. (If no instance was ever stored"
            + " by version %d, delete the file to export it again.)"),
    MIGRATION_MISSING(605, "%s has no migration from version %d (exported to %s) to version %d, and the change can't be"
            + " made automatically: %s. Add a method @Migrate(from = %d) static void v%d(StoredState state) that"
            + " makes the change, or @Formerly on renamed fields."),
    SCHEMA_FILE_UNREADABLE(606, "Exported schema %s of %s can't be read: %s. Restore it from version control, or"
            + " delete it to export it again (its version is then no longer checked)."),
    FORMERLY_INVALID(607, "@Formerly on %s %s. Name the field's earlier stored names, each once, none the name of"
            + " another @Field."),

    SERVER_ONLY_WITHOUT_FIELD(700, "@ServerOnly on %s has no effect: it is not a @Field, so it is neither stored nor"
            + " sent. Add @Field to store it and keep it on the server, or remove @ServerOnly."),
    SERVER_ONLY_NOT_STORED(701, "@ServerOnly can't be applied to %s: it is @Field(stored = false), so it would be"
            + " neither stored nor sent, which a plain Java field already is. Remove stored = false to keep it stored"
            + " on the server, or make it a plain field."),
    VIEW_SIGNATURE(702, "@View %s has the wrong signature: %s. Declare it as %s."),
    VIEW_TYPE_UNSUPPORTED(703, "@View %s returns %s, which can't be mapped to JSON: %s"),
    VIEW_NAME_CLASH(704, "@View %s is named '%s', but %s has that name too, and the client's state has one property"
            + " per name. Give the view another name with @View(\"...\")."),
    VIEW_NAME_INVALID(705, "@View %s can't be called '%s': %s. Use a Java identifier that is not the name of a"
            + " method of Object, with @View(\"...\") if the method's own name does not fit."),

    STATE_NOT_FIELD(800, "@State on %s has no effect: it is not a @Field, so it is neither stored nor checked."
            + " Add @Field to make it the state machine, or remove @State."),
    STATE_NOT_ENUM(801, "@State can't be applied to %s: it has type %s, but a machine's states are the constants of"
            + " an enum. Declare the field with an enum type, like enum Status { PENDING, PAID }."),
    STATE_DUPLICATE(802, "@State is on both %s and %s, but a class has one state machine. Keep @State on one field."),
    STATE_UNKNOWN(803, "%s on %s names state \"%s\", but %s has no such constant. Its states are: %s. Use one of"
            + " them%s."),
    TRANSITION_NOT_ON_ACTION(804, "@Transition on %s has no effect: the method is neither @Action nor @OnTimer,"
            + " and only those run as transitions. Add @Action or @OnTimer, or remove @Transition."),
    TRANSITION_WITHOUT_STATE(805, "@%s on %s has no effect: %s has no @State field, so there is no state machine."
            + " Mark an enum @Field with @State(initial = \"...\"), or remove @%s."),
    AFTER_MISPLACED(806, "@After on %s has no effect: it delays a timed transition, so the method needs both"
            + " @OnTimer and @Transition. Add them, or remove @After."),
    AFTER_INVALID(807, "@After(\"%s\") on %s is not a positive ISO-8601 duration. Write it like \"PT24H\","
            + " \"PT30M\" or \"P2D\", or read it from configuration with \"${payment.expiry:PT2M}\"."),
    AFTER_PLACEHOLDER_INVALID(808, "@After(\"%s\") on %s is not a valid placeholder: %s. Write it like"
            + " \"${payment.expiry:PT2M}\": a configuration key, then optionally ':' and a default ISO-8601 duration."),
    STATE_UNREACHABLE(850, "State %s of %s can't be reached from the initial state %s: no @Transition leads to it."
            + " Add a transition to it, or remove the constant if it is unused."),
    STATE_NO_WAY_OUT(851, "State %s of %s has no way out: no @Transition starts in it, so once entered only free"
            + " actions run. Add a transition from it, or declare it in @State(terminal = ...) if it ends the machine."),

    INTERNAL_ERROR(900, "Tandem's processor failed on %s: %s. This is a bug in Tandem; please report it with this class.");

    private final int number;
    private final String template;

    Diagnostic(int number, String template) {
        this.number = number;
        this.template = template;
    }

    /** @return the stable code, for example {@code TANDEM-203} */
    public String code() {
        return "TANDEM-" + number;
    }

    /**
     * @param args the template's arguments
     * @return the full message, prefixed with the code
     */
    public String format(Object... args) {
        return "[" + code() + "] " + String.format(Locale.ROOT, template, args);
    }
}
