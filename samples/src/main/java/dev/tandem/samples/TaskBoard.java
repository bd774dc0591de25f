package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.Caller;
import dev.tandem.Connection;
import dev.tandem.Field;
import dev.tandem.LiveObject;
import dev.tandem.OnConnect;
import dev.tandem.OnDisconnect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shared task list: add, complete, rename, delete and reorder tasks, and see who is online. */
@LiveObject("task-board")
public class TaskBoard {

    /**
     * A task.
     *
     * @param id its ID on this board
     * @param title what to do
     * @param done whether it is done
     * @param author the display name of who added it (a connection attribute: anyone can claim any name)
     * @param owner the user ID of who added it, from the connection: only they may delete it
     */
    public record Task(String id, String title, boolean done, String author, String owner) {}

    /** The tasks, in order. */
    @Field List<Task> tasks = new ArrayList<>();
    /** Who is here, by connection: not stored. */
    @Field(stored = false) Map<String, String> online = new LinkedHashMap<>();
    /** The next task number. */
    @Field int nextId = 1;

    @OnConnect
    void joined(Connection c) {
        online.put(c.connectionId(), c.attribute("name").orElse("guest"));
    }

    @OnDisconnect
    void left(Connection c) {
        online.remove(c.connectionId());
    }

    /** Adds a task at the end and returns its ID. */
    @Action
    String add(Caller caller, String title) {
        Task task = new Task("t" + nextId++, checkTitle(title), false, caller.attribute("name").orElse("guest"),
                caller.userId());
        tasks.add(task);
        return task.id();
    }

    /** Renames a task. */
    @Action
    void rename(String id, String title) {
        Task t = find(id);
        tasks.set(tasks.indexOf(t), new Task(t.id(), checkTitle(title), t.done(), t.author(), t.owner()));
    }

    /** Marks a task done or not done. */
    @Action
    void complete(String id, boolean done) {
        Task t = find(id);
        tasks.set(tasks.indexOf(t), new Task(t.id(), t.title(), done, t.author(), t.owner()));
    }

    /** Deletes a task: only its owner may, whatever name they or anyone else display. */
    @Action
    void delete(Caller caller, String id) {
        Task t = find(id);
        if (!caller.userId().equals(t.owner())) {
            throw new ActionRejected("Only " + t.author() + ", who added this task, can delete it");
        }
        tasks.remove(t);
    }

    /** Moves a task to a new position (0 is the top). */
    @Action
    void move(String id, int toIndex) {
        if (toIndex < 0 || toIndex >= tasks.size()) {
            throw new ActionRejected("Position " + toIndex + " is off the list (0 to " + (tasks.size() - 1) + ")");
        }
        Task t = find(id);
        tasks.remove(t);
        tasks.add(toIndex, t);
    }

    private Task find(String id) {
        return tasks.stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new ActionRejected("That task no longer exists"));
    }

    private static String checkTitle(String title) {
        String t = title.strip();
        if (t.isEmpty()) {
            throw new ActionRejected("A task needs a title");
        }
        if (t.length() > 200) {
            throw new ActionRejected("Keep titles under 200 characters");
        }
        return t;
    }
}
