package dev.tandem.bench.jmh;

import dev.tandem.Action;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.State;
import dev.tandem.Transition;

/** A machine for {@link MachineBenchmark}: {@code note} runs in every state and leaves it unchanged. */
@LiveObject("bench-shipment")
public class Shipment {
    public enum Stage { PACKING, SHIPPED, DELIVERED }

    @Field @State(initial = "PACKING", terminal = "DELIVERED") Stage stage = Stage.PACKING;
    @Field int notes;

    @Action @Transition(from = "PACKING", to = "SHIPPED")
    void ship() {
        stage = Stage.SHIPPED;
    }

    @Action @Transition(from = "SHIPPED", to = "DELIVERED")
    void deliver() {
        stage = Stage.DELIVERED;
    }

    @Action @Transition(from = {"PACKING", "SHIPPED"}, to = {})
    void note() {
        notes++;
    }
}
