package dev.tandem.runtime;

import dev.tandem.spi.LiveObjectDefinition;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every live-object type of the application, found at startup through the registrations the
 * annotation processor writes ({@code META-INF/services/dev.tandem.spi.LiveObjectDefinition}); no
 * classpath scanning.
 */
@Singleton
public final class LiveObjectRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(LiveObjectRegistry.class);

    private final Map<String, LiveObjectDefinition<?>> types;

    LiveObjectRegistry() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Map<String, LiveObjectDefinition<?>> found = new TreeMap<>();
        Iterator<LiveObjectDefinition> it = ServiceLoader.load(LiveObjectDefinition.class, loader).iterator();
        while (true) {
            LiveObjectDefinition<?> definition;
            try {
                if (!it.hasNext()) {
                    break;
                }
                definition = it.next();
            } catch (ServiceConfigurationError e) {
                LOG.warn("Skipping a stale live-object registration (rebuild to remove it): {}", e.getMessage());
                continue;
            }
            LiveObjectDefinition<?> other = found.putIfAbsent(definition.typeName(), definition);
            if (other != null && other.javaType() != definition.javaType()) {
                throw new ConfigurationException("Two live-object classes have the type name \"" + definition.typeName()
                        + "\": " + other.javaType().getName() + " and " + definition.javaType().getName()
                        + ". Give one of them another name with @LiveObject(\"...\").");
            }
        }
        this.types = Collections.unmodifiableMap(found);
        LOG.info("Live-object types: {}", types.isEmpty() ? "none (no @LiveObject class on the classpath)" : types.keySet());
    }

    /** @return every type, sorted by name */
    public Collection<LiveObjectDefinition<?>> all() {
        return types.values();
    }

    /**
     * @param typeName a type name
     * @return its definition
     * @throws LiveObjectException {@code not_found}, naming the types there are
     */
    public LiveObjectDefinition<?> require(String typeName) {
        LiveObjectDefinition<?> definition = types.get(typeName);
        if (definition == null) {
            throw new LiveObjectException(ErrorCode.NOT_FOUND, "no live-object type '" + typeName + "'; "
                    + (types.isEmpty() ? "there are none" : "types: " + String.join(", ", types.keySet())));
        }
        return definition;
    }

    /**
     * @param typeName a type name
     * @return its model document (see {@code docs/MODEL.md})
     */
    public String model(String typeName) {
        LiveObjectDefinition<?> definition = require(typeName);
        ClassLoader loader = definition.javaType().getClassLoader();
        try (InputStream in = loader.getResourceAsStream(definition.modelResource())) {
            if (in == null) {
                throw new LiveObjectException(ErrorCode.NOT_FOUND, "the model document of '" + typeName
                        + "' is missing from the classpath (" + definition.modelResource() + "); rebuild the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new LiveObjectException(ErrorCode.INTERNAL, "reading the model of '" + typeName + "' failed: " + e);
        }
    }
}
