package dev.tandem.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;

/**
 * The scalar types Tandem maps to a single JSON value. {@link #modelName} is the name used in model
 * documents; {@link #codecName} is the suffix of the reader and writer in {@code Scalars} or
 * {@code Times}.
 */
public enum ScalarKind {
    BOOLEAN("boolean", TypeName.BOOLEAN, "Boolean", Family.SCALARS),
    BYTE("byte", TypeName.BYTE, "Byte", Family.SCALARS),
    SHORT("short", TypeName.SHORT, "Short", Family.SCALARS),
    INT("int", TypeName.INT, "Int", Family.SCALARS),
    LONG("long", TypeName.LONG, "Long", Family.SCALARS),
    FLOAT("float", TypeName.FLOAT, "Float", Family.SCALARS),
    DOUBLE("double", TypeName.DOUBLE, "Double", Family.SCALARS),
    CHAR("char", TypeName.CHAR, "Char", Family.SCALARS),
    STRING("string", ClassName.get("java.lang", "String"), "String", Family.SCALARS),
    UUID("uuid", ClassName.get("java.util", "UUID"), "Uuid", Family.SCALARS),
    BIG_DECIMAL("big-decimal", ClassName.get("java.math", "BigDecimal"), "BigDecimal", Family.SCALARS),
    BIG_INTEGER("big-integer", ClassName.get("java.math", "BigInteger"), "BigInteger", Family.SCALARS),
    INSTANT("instant", ClassName.get("java.time", "Instant"), "Instant", Family.TIMES),
    LOCAL_DATE("local-date", ClassName.get("java.time", "LocalDate"), "LocalDate", Family.TIMES),
    LOCAL_TIME("local-time", ClassName.get("java.time", "LocalTime"), "LocalTime", Family.TIMES),
    LOCAL_DATE_TIME("local-date-time", ClassName.get("java.time", "LocalDateTime"), "LocalDateTime", Family.TIMES),
    OFFSET_DATE_TIME("offset-date-time", ClassName.get("java.time", "OffsetDateTime"), "OffsetDateTime", Family.TIMES),
    ZONED_DATE_TIME("zoned-date-time", ClassName.get("java.time", "ZonedDateTime"), "ZonedDateTime", Family.TIMES),
    DURATION("duration", ClassName.get("java.time", "Duration"), "Duration", Family.TIMES),
    PERIOD("period", ClassName.get("java.time", "Period"), "Period", Family.TIMES);

    /** Where a scalar's reader and writer live. */
    public enum Family { SCALARS, TIMES }

    private final String modelName;
    private final TypeName type;
    private final String codecName;
    private final Family family;

    ScalarKind(String modelName, TypeName type, String codecName, Family family) {
        this.modelName = modelName;
        this.type = type;
        this.codecName = codecName;
        this.family = family;
    }

    /** @return the name in model documents */
    public String modelName() {
        return modelName;
    }

    /** @return the Java type: primitive for the eight primitives */
    public TypeName type() {
        return type;
    }

    /** @return the suffix of {@code readX}/{@code writeX} */
    public String codecName() {
        return codecName;
    }

    /** @return where the reader and writer live */
    public Family family() {
        return family;
    }

    /** @return whether the Java type is one of the eight primitives */
    public boolean hasPrimitive() {
        return type.isPrimitive();
    }
}
