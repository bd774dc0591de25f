package dev.tandem.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A type of the application that Tandem encodes as JSON without any annotation on it: a record, a
 * plain class with a no-argument constructor, or an enum.
 */
public sealed interface ValueType {

    /** @return the type */
    ClassName className();

    /** @return its unique name among the model's value types; also its name in TypeScript */
    String codecName();

    /** @return its javadoc, or an empty string */
    String doc();

    /**
     * A record, decoded through its canonical constructor.
     *
     * @param className the type
     * @param codecName its unique name
     * @param doc its javadoc
     * @param properties its components, in order
     */
    record RecordType(ClassName className, String codecName, String doc, List<PropertyModel> properties)
            implements ValueType {
        /** Copies the list. */
        public RecordType {
            properties = List.copyOf(properties);
        }
    }

    /**
     * A plain class, created with its no-argument constructor and filled property by property.
     *
     * @param className the type
     * @param codecName its unique name
     * @param doc its javadoc
     * @param properties its properties, in declaration order
     */
    record BeanType(ClassName className, String codecName, String doc, List<PropertyModel> properties)
            implements ValueType {
        /** Copies the list. */
        public BeanType {
            properties = List.copyOf(properties);
        }
    }

    /**
     * An enum, encoded as the constant's name.
     *
     * @param className the type
     * @param codecName its unique name
     * @param doc its javadoc
     * @param constants the constants' names, in declaration order
     */
    record EnumType(ClassName className, String codecName, String doc, List<String> constants) implements ValueType {
        /** Copies the list. */
        public EnumType {
            constants = List.copyOf(constants);
        }
    }
}
