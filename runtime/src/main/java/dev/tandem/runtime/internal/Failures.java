package dev.tandem.runtime.internal;

import dev.tandem.ActionRejected;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tandem.spi.BadArgumentsException;
import dev.tandem.spi.TransitionRefusedException;
import dev.tandem.spi.UnknownActionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a turn threw into what the client sees. {@code ActionRejected} keeps its message;
 * argument errors keep theirs; anything else becomes a generic internal error whose details go to
 * the server log only, under a reference the client can quote.
 */
final class Failures {

    private static final Logger LOG = LoggerFactory.getLogger("dev.tandem.runtime.Turns");

    private Failures() {
    }

    static Outcome outcome(Throwable failure, InstanceKey key, String what) {
        if (failure instanceof ActionRejected) {
            return Outcome.failed(ErrorCode.REJECTED, failure.getMessage());
        }
        if (failure instanceof BadArgumentsException) {
            return Outcome.failed(ErrorCode.BAD_ARGUMENTS, failure.getMessage());
        }
        if (failure instanceof UnknownActionException) {
            return Outcome.failed(ErrorCode.UNKNOWN_ACTION, failure.getMessage());
        }
        if (failure instanceof TransitionRefusedException e) {
            ObjectNode details = Frames.JSON.createObjectNode().put("state", e.state());
            e.allowed().forEach(details.putArray("allowed")::add);
            return Outcome.failed(ErrorCode.INVALID_TRANSITION, e.getMessage(), details);
        }
        if (failure instanceof LiveObjectException e) {
            return Outcome.failed(e.code(), e.getMessage(), e.details());
        }
        String reference = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        LOG.error("{} failed in {} (reference {}); its changes were rolled back", what, key, reference, failure);
        return Outcome.failed(ErrorCode.INTERNAL, "internal error (reference " + reference + " in the server log)");
    }
}
