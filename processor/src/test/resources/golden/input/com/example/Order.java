package com.example;

import dev.tandem.Action;
import dev.tandem.After;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnEnter;
import dev.tandem.OnExit;
import dev.tandem.OnTimer;
import dev.tandem.State;
import dev.tandem.Transition;
import java.util.ArrayList;
import java.util.List;

/** The order machine: every part of a state machine once. */
@LiveObject("order")
public class Order {
    public enum Status { PENDING, PAID, SHIPPED, DELIVERED, CANCELLED }

    @Field @State(initial = "PENDING", terminal = {"DELIVERED", "CANCELLED"})
    Status status = Status.PENDING;
    @Field List<String> items = new ArrayList<>();
    @Field String name = "";

    @Action @Transition(from = "PENDING", to = "PAID")
    void pay(Caller caller, String paymentId) {
        status = Status.PAID;
    }

    @Action @Transition(from = {"PENDING", "PAID"}, to = "CANCELLED")
    void cancel(Caller caller, String reason) {
        status = Status.CANCELLED;
    }

    @Action
    void rename(String name) {
        this.name = name;
    }

    @Action @Transition(from = "PAID", to = {"SHIPPED", "CANCELLED"})
    void ship(Caller caller) {
        status = Status.SHIPPED;
    }

    @Action @Transition(from = "SHIPPED", to = "DELIVERED")
    void deliver() {
        status = Status.DELIVERED;
    }

    @OnEnter("PAID")
    void paid() {
        items.add("paid");
    }

    @OnExit({"PENDING", "PAID"})
    void left() {
    }

    @OnTimer @Transition(from = "PENDING", to = "CANCELLED") @After("PT24H")
    void expire() {
        status = Status.CANCELLED;
    }
}
