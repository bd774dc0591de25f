package dev.tandem.runtime.internal;

/**
 * The address of an instance.
 *
 * @param type the live-object type name
 * @param id the instance ID
 */
public record InstanceKey(String type, String id) {

    @Override
    public String toString() {
        return type + "/" + id;
    }
}
