package com.example;

import dev.tandem.Action;
import dev.tandem.AllowRead;
import dev.tandem.AllowWrite;
import dev.tandem.Caller;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import io.micronaut.security.annotation.Secured;

/** Every kind of access rule: @AllowRead, general and per-action @AllowWrite, @Secured on the class and an action. */
@LiveObject
@Secured("isAuthenticated()")
public class Approval {
    @Field String owner = "";
    @Field String status = "open";

    @AllowRead
    boolean readers(Caller caller) {
        return caller.userId().equals(owner) || caller.roles().contains("auditor");
    }

    @AllowWrite
    boolean writers(Caller caller, String action) {
        return caller.userId().equals(owner);
    }

    @AllowWrite({"approve", "reject"})
    boolean approvers(Caller caller) {
        return !caller.userId().equals(owner);
    }

    @Action
    void edit(String text) {
        status = "edited";
    }

    @Secured({"admin", "approver"})
    @Action
    void approve() {
        status = "approved";
    }

    @Action
    void reject() {
        status = "rejected";
    }
}
