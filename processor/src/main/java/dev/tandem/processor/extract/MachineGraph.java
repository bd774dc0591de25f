package dev.tandem.processor.extract;

import dev.tandem.processor.Diagnostic;
import dev.tandem.processor.model.MachineModel;
import dev.tandem.processor.model.TransitionModel;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/** Warns about states no transition reaches from the initial one, and non-terminal states with no way out. */
final class MachineGraph {

    private final Context context;
    private final TypeElement type;
    private final VariableElement field;
    private final AnnotationMirror state;

    MachineGraph(Context context, TypeElement type, VariableElement field, AnnotationMirror state) {
        this.context = context;
        this.type = type;
        this.field = field;
        this.state = state;
    }

    void warn(MachineModel machine) {
        List<TransitionModel> all = Stream.concat(machine.transitions().stream(), machine.timed().stream()).toList();
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(machine.initial()));
        while (!todo.isEmpty()) {
            String s = todo.pop();
            if (reached.add(s)) {
                all.stream().filter(t -> t.from().contains(s)).forEach(t -> todo.addAll(t.to()));
            }
        }
        String where = type.getSimpleName() + "." + field.getSimpleName();
        for (String s : machine.states()) {
            if (!reached.contains(s)) {
                context.reporter().warning(Diagnostic.STATE_UNREACHABLE, field, state, s, where, machine.initial());
            } else if (!machine.terminal().contains(s) && all.stream().noneMatch(t -> t.from().contains(s))) {
                context.reporter().warning(Diagnostic.STATE_NO_WAY_OUT, field, state, s, where);
            }
        }
    }
}
