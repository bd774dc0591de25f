package dev.tandem.samples;

import dev.tandem.Action;
import dev.tandem.ActionRejected;
import dev.tandem.After;
import dev.tandem.AllowWrite;
import dev.tandem.Caller;
import dev.tandem.Connection;
import dev.tandem.Field;
import dev.tandem.LiveContext;
import dev.tandem.LiveObject;
import dev.tandem.OnEnter;
import dev.tandem.OnExit;
import dev.tandem.OnJoin;
import dev.tandem.OnLeave;
import dev.tandem.OnTimer;
import dev.tandem.ServerOnly;
import dev.tandem.State;
import dev.tandem.Transition;
import dev.tandem.View;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A live trivia quiz for a team: the first to join a room hosts it; players join with a name and
 * mark themselves ready; a countdown starts when everyone here is ready; each question closes when
 * everyone here answered or its time is up; after each category a recap shows the right answers
 * and everyone's answer, and players vote free-text answers right or wrong; then a final ranking.
 *
 * <p>The game is a state machine. The right answers are {@code @ServerOnly} until the recap
 * publishes them, and a player's own answer reaches only that player (the {@code myAnswer} view)
 * until then. Only the host may start, move on and restart ({@code @AllowWrite}), unless the host
 * is away.
 */
@LiveObject("quiz")
public class Quiz {

    public enum Phase { LOBBY, COUNTDOWN, QUESTION, PAUSE, RECAP, FINAL }

    public enum Kind { TEXT, SINGLE, MULTI }

    /** A question with its accepted answers: kept on the server. */
    public record Trivia(String category, Kind kind, String text, List<String> options, List<String> accepted, int points) {}

    /** A question as players see it while it is open. */
    public record Question(String category, Kind kind, String text, List<String> options, int points) {}

    public record Player(String name, boolean ready, boolean left) {}

    /** A marked answer; {@code votes} are other players' verdicts (user → right?) on a free-text answer. */
    public record Answer(List<String> picks, boolean autoRight, boolean right, int points, Map<String, Boolean> votes) {}

    /** A closed question in the recap, with its solution and everyone's answer by user. */
    public record Reveal(int index, Question question, List<String> solution, Map<String, Answer> answers) {}

    public record Rank(int place, String user, String name, int score) {}

    /** How long the others wait for a player whose last connection dropped before moving on without them. */
    static final Duration LEAVE_GRACE = Duration.ofSeconds(5);

    private final LiveContext context;

    @Field @State(initial = "LOBBY") Phase phase = Phase.LOBBY;
    /** The user who created the room. */
    @Field String host;
    @Field Map<String, Player> players = new LinkedHashMap<>();
    @Field Map<String, Integer> scores = new LinkedHashMap<>();
    /** The users here right now, with at least one open connection. Not stored: presence is live. */
    @Field(stored = false) Set<String> online = new TreeSet<>();
    @Field int seconds = 20;
    @Field List<String> categories = new ArrayList<>(QuizQuestions.categories());
    /** The category being played (an index into {@link #categories}). */
    @Field int round;
    /** The open (or last) question, without its answers, and its index among {@link #total}. */
    @Field Question question;
    @Field int number = -1;
    @Field int total;
    /** When the countdown or the open question ends. */
    @Field Instant deadline;
    /** Who answered the open question (not what). */
    @Field List<String> answered = new ArrayList<>();
    @Field List<Reveal> recap = new ArrayList<>();
    @Field List<Rank> ranking = new ArrayList<>();

    @Field @ServerOnly List<Trivia> deck = new ArrayList<>();
    /** Answers to the open question by user. */
    @Field @ServerOnly Map<String, List<String>> current = new HashMap<>();
    /** Marked answers by question index, then by user. */
    @Field @ServerOnly List<Map<String, Answer>> results = new ArrayList<>();

    public Quiz(LiveContext context) {
        this.context = context;
    }

    @OnJoin
    void arrived(Connection c) {
        online.add(c.userId());
    }

    /**
     * A player's last connection ended. A connection hook runs outside the state machine, so it
     * does not move the game itself: it asks the {@link #recount} timer to, after a grace period
     * that lets a reload or a short network drop come back without the game moving on.
     */
    @OnLeave
    void gone(Connection c) {
        online.remove(c.userId());
        if (phase == Phase.LOBBY || phase == Phase.QUESTION) {
            context.schedule("recount", LEAVE_GRACE);
        }
    }

    /** After someone left: the players still here no longer wait for those who are gone. */
    @OnTimer @Transition(from = "*", to = {"COUNTDOWN", "PAUSE", "RECAP"})
    void recount() {
        moveOnWithoutTheAbsent();
    }

    /** Joins (or rejoins, keeping the score) under a display name; the first player hosts. */
    @Action
    void join(Caller caller, String name) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 24) {
            throw new ActionRejected("Pick a name of 1 to 24 characters");
        }
        players.put(caller.userId(), new Player(clean, false, false));
        scores.putIfAbsent(caller.userId(), 0);
        if (host == null) {
            host = caller.userId();
        }
    }

    /** Leaves the game (the score stays, for a rejoin); the others no longer wait for you. */
    @Action @Transition(from = "*", to = {"COUNTDOWN", "PAUSE", "RECAP"})
    void leave(Caller caller) {
        Player p = player(caller);
        players.put(caller.userId(), new Player(p.name(), false, true));
        moveOnWithoutTheAbsent();
    }

    @Action @Transition(from = "LOBBY", to = "COUNTDOWN")
    void ready(Caller caller, boolean ready) {
        Player p = player(caller);
        players.put(caller.userId(), new Player(p.name(), ready, false));
        startIfAllReady();
    }

    @AllowWrite({"settings", "start", "next", "restart"})
    boolean host(Caller caller, String action) {
        boolean hostAway = host != null && !context.presence().isHere(host);
        if (caller.userId().equals(host) || hostAway && players.containsKey(caller.userId())) {
            return true;
        }
        String what = switch (action) {
            case "settings" -> "change the settings";
            case "start" -> "start the game";
            case "next" -> "move on";
            default -> "restart the game";
        };
        throw new ActionRejected("Only the host, " + nameOf(host) + ", can " + what);
    }

    /** Seconds per question (5 to 120) and how many categories to play (1 to all). */
    @Action @Transition(from = "LOBBY", to = "LOBBY")
    void settings(int seconds, int categories) {
        List<String> all = QuizQuestions.categories();
        if (seconds < 5 || seconds > 120) {
            throw new ActionRejected("Seconds per question must be from 5 to 120, not " + seconds);
        }
        if (categories < 1 || categories > all.size()) {
            throw new ActionRejected("Play 1 to " + all.size() + " categories, not " + categories);
        }
        this.seconds = seconds;
        this.categories = new ArrayList<>(all.subList(0, categories));
    }

    /** Starts without waiting for everyone to be ready. */
    @Action @Transition(from = "LOBBY", to = "COUNTDOWN")
    void start() {
        if (here().isEmpty()) {
            throw new ActionRejected("Nobody has joined yet");
        }
        deal();
    }

    @OnEnter("COUNTDOWN")
    void countdown() {
        deadline = context.now().plusSeconds(3);
    }

    @OnTimer @Transition(from = "COUNTDOWN", to = "QUESTION") @After("PT3S")
    void go() {
        phase = Phase.QUESTION;
    }

    @OnEnter("QUESTION")
    void ask() {
        question = QuizQuestions.shown(deck.get(++number));
        current.clear();
        answered.clear();
        deadline = context.now().plusSeconds(seconds);
        context.schedule("timeUp", Duration.ofSeconds(seconds));
    }

    /** Answers the open question, once: one text, one option, or one or more options. */
    @Action @Transition(from = "QUESTION", to = {"PAUSE", "RECAP"})
    void answer(Caller caller, List<String> picks) {
        player(caller);
        if (current.containsKey(caller.userId())) {
            throw new ActionRejected("You already answered this question");
        }
        current.put(caller.userId(), QuizQuestions.check(deck.get(number), picks));
        answered.add(caller.userId());
        closeIfAllAnswered();
    }

    /** Your own answer to the open question: nobody else sees it before the recap. */
    @View
    List<String> myAnswer(Caller viewer) {
        return current.getOrDefault(viewer.userId(), List.of());
    }

    @OnTimer @Transition(from = "QUESTION", to = {"PAUSE", "RECAP"})
    void timeUp() {
        close();
    }

    @OnExit("QUESTION")
    void stopClock() {
        context.cancel("timeUp");
        deadline = null;
    }

    @OnTimer @Transition(from = "PAUSE", to = "QUESTION") @After("${quiz.pause:PT2S}")
    void nextQuestion() {
        phase = Phase.QUESTION;
    }

    /**
     * Votes another player's free-text answer right or wrong in the recap. When more than half of
     * the other players vote against the automatic mark, it flips and the points follow.
     */
    @Action @Transition(from = "RECAP", to = "RECAP")
    void vote(Caller caller, int question, String player, boolean right) {
        player(caller);
        Reveal shown = recap.stream().filter(r -> r.index() == question).findFirst()
                .orElseThrow(() -> new ActionRejected("Question " + question + " is not in this recap"));
        Answer a = shown.answers().get(player);
        if (shown.question().kind() != Kind.TEXT || a == null) {
            throw new ActionRejected("Only free-text answers can be voted on");
        }
        if (player.equals(caller.userId())) {
            throw new ActionRejected("You can't vote on your own answer");
        }
        Map<String, Boolean> votes = new LinkedHashMap<>(a.votes());
        votes.put(caller.userId(), right);
        long voters = players.entrySet().stream().filter(e -> !e.getKey().equals(player) && !e.getValue().left()).count();
        long against = votes.values().stream().filter(v -> v != a.autoRight()).count();
        boolean overturned = against * 2 > voters;
        boolean mark = overturned ? !a.autoRight() : a.autoRight();
        results.get(question).put(player, new Answer(a.picks(), a.autoRight(), mark, mark ? shown.question().points() : 0, votes));
        reveal();
    }

    /** After a recap: the next category, or the final ranking. */
    @Action @Transition(from = "RECAP", to = {"COUNTDOWN", "FINAL"})
    void next() {
        round++;
        phase = round < categories.size() ? Phase.COUNTDOWN : Phase.FINAL;
    }

    @OnEnter("FINAL")
    void rank() {
        List<String> order = new ArrayList<>(scores.keySet());
        order.sort(Comparator.comparing(scores::get).reversed());
        ranking.clear();
        for (String user : order) {
            int place = ranking.isEmpty() || ranking.get(ranking.size() - 1).score() > scores.get(user)
                    ? ranking.size() + 1 : ranking.get(ranking.size() - 1).place();
            ranking.add(new Rank(place, user, nameOf(user), scores.get(user)));
        }
    }

    /** Back to the lobby for a new game; players stay, everyone marks ready again. */
    @Action @Transition(from = "*", to = "LOBBY")
    void restart() {
        phase = Phase.LOBBY;
        players.replaceAll((user, p) -> new Player(p.name(), false, p.left()));
        question = null;
        number = -1;
        recap.clear();
        answered.clear();
        current.clear();
    }

    /** In the lobby, starts if everyone here is ready; in a question, closes it if everyone here answered. */
    private void moveOnWithoutTheAbsent() {
        if (phase == Phase.LOBBY) {
            startIfAllReady();
        } else if (phase == Phase.QUESTION) {
            closeIfAllAnswered();
        }
    }

    private void startIfAllReady() {
        List<String> here = here();
        if (here.size() >= 2 && here.stream().allMatch(u -> players.get(u).ready())) {
            deal();
        }
    }

    private void deal() {
        deck = new ArrayList<>(QuizQuestions.deck(categories));
        results = new ArrayList<>();
        deck.forEach(t -> results.add(new LinkedHashMap<>()));
        total = deck.size();
        number = -1;
        round = 0;
        ranking.clear();
        scores.replaceAll((user, score) -> 0);
        phase = Phase.COUNTDOWN;
    }

    private void closeIfAllAnswered() {
        if (here().stream().allMatch(current::containsKey)) {
            close();
        }
    }

    private void close() {
        Trivia t = deck.get(number);
        current.forEach((user, picks) -> results.get(number).put(user, QuizQuestions.mark(t, picks)));
        // no tally here: a score that moved now would tell everyone who was right before the recap
        if (number + 1 == deck.size() || !deck.get(number + 1).category().equals(t.category())) {
            reveal();
            phase = Phase.RECAP;
        } else {
            phase = Phase.PAUSE;
        }
    }

    /** Publishes the solutions and answers of the category just played, and the scores: the only place they change. */
    private void reveal() {
        recap.clear();
        for (int i = 0; i < deck.size(); i++) {
            Trivia t = deck.get(i);
            if (t.category().equals(categories.get(round))) {
                recap.add(new Reveal(i, QuizQuestions.shown(t), t.accepted(), new LinkedHashMap<>(results.get(i))));
            }
        }
        tally();
    }

    private void tally() {
        scores.replaceAll((user, score) -> results.stream().mapToInt(r -> r.containsKey(user) ? r.get(user).points() : 0).sum());
    }

    /** The players who are here: joined, not left, connected. */
    private List<String> here() {
        return players.entrySet().stream().filter(e -> !e.getValue().left() && context.presence().isHere(e.getKey()))
                .map(Map.Entry::getKey).toList();
    }

    private Player player(Caller caller) {
        Player p = players.get(caller.userId());
        if (p == null || p.left()) {
            throw new ActionRejected("Join the game first");
        }
        return p;
    }

    private String nameOf(String user) {
        Player p = user == null ? null : players.get(user);
        return p == null ? "nobody yet" : p.name();
    }
}
