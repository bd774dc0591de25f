package dev.tandem.runtime.web;

import dev.tandem.runtime.InstanceIds;
import dev.tandem.runtime.LiveObjectRegistry;
import dev.tandem.runtime.internal.Host;
import dev.tandem.runtime.internal.InstanceKey;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import java.util.Map;

/**
 * The management endpoint {@code /cluster}: the cluster as this server sees it (members, quorum),
 * and {@code /cluster/{type}/{id}} also says which server owns that instance. Sensitive, like
 * {@code /metrics}: it answers 401 unless Micronaut Security lets the caller in or
 * {@code endpoints.cluster.sensitive} is false. See docs/CLUSTER.md.
 */
@Endpoint(id = "cluster", defaultSensitive = true)
final class ClusterEndpoint {

    private final Host host;
    private final LiveObjectRegistry registry;

    ClusterEndpoint(Host host, LiveObjectRegistry registry) {
        this.host = host;
        this.registry = registry;
    }

    @Read
    Map<String, Object> status() {
        return host.clusterStatus(null).orElse(Map.of("enabled", false));
    }

    @Read
    Map<String, Object> owner(@Selector String type, @Selector String id) {
        registry.require(type);
        return host.clusterStatus(new InstanceKey(type, InstanceIds.check(id))).orElse(Map.of("enabled", false));
    }
}
