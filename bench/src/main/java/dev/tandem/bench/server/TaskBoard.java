package dev.tandem.bench.server;

import dev.tandem.Action;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import java.util.ArrayList;
import java.util.List;

/** The big-state benchmark's board (issue 16): many tasks, and a call that changes one of them. */
@LiveObject("bench-board")
public class TaskBoard {

    /** One task. */
    public record Task(int id, String title, boolean done) {
    }

    @Field List<Task> tasks = new ArrayList<>();

    /** Fills the board with {@code n} tasks. */
    @Action
    int seed(int n) {
        tasks.clear();
        for (int i = 0; i < n; i++) {
            tasks.add(new Task(i, "Task number " + i + " of the board", false));
        }
        return tasks.size();
    }

    /** Marks one task done or not done: the turn changes one item. */
    @Action
    boolean complete(int id, boolean done) {
        Task t = tasks.get(id);
        tasks.set(id, new Task(t.id(), t.title(), done));
        return done;
    }
}
