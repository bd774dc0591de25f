package dev.tandem.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tandem.ActionRejected;
import dev.tandem.runtime.ErrorCode;
import dev.tandem.runtime.LiveObjectException;
import dev.tandem.runtime.testkit.LiveObjectTestKit;
import dev.tandem.runtime.testkit.TestCaller;
import dev.tandem.runtime.testkit.TestInstance;
import dev.tandem.spi.TransitionRefusedException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The quiz's rules in the test kit: the game's states and timers, scoring, votes, secrets, the host. */
class QuizTest {

    private final TestCaller ann = TestCaller.user("ann");
    private final TestCaller bob = TestCaller.user("bob");
    private TestInstance<Quiz> quiz;

    @BeforeEach
    void twoPlayersInALobby() throws Exception {
        quiz = LiveObjectTestKit.of(Quiz.class).create("room-1");
        quiz.connect(ann);
        quiz.connect(bob);
        quiz.call(ann, "join", "Ann");
        quiz.call(bob, "join", "Bob");
        quiz.call(ann, "settings", 5, 1);
    }

    private void startGame() throws Exception {
        quiz.call(ann, "ready", true);
        assertEquals("LOBBY", quiz.machineState(), "bob is not ready yet");
        quiz.call(bob, "ready", true);
        assertEquals("COUNTDOWN", quiz.machineState());
        quiz.advance(Duration.ofSeconds(3));
        assertEquals("QUESTION", quiz.machineState());
    }

    private int score(String user) {
        return quiz.state().get("scores").get(user).asInt();
    }

    @Test
    void aCategoryIsPlayedWithTimeLimitsPartialCreditAndARecap() throws Exception {
        startGame();
        int started = quiz.patches().size();
        assertEquals("TEXT", quiz.state().at("/question/kind").asText());
        quiz.call(ann, "answer", List.of(" the TENOCHTITLÁN! "));
        assertEquals("QUESTION", quiz.machineState(), "bob has not answered");
        quiz.advance(Duration.ofSeconds(5)); // time is up: bob gets nothing
        assertEquals("PAUSE", quiz.machineState());
        assertEquals(0, score("ann"), "ann was right, but a score that moved now would tell everyone before the recap");
        assertEquals(0, score("bob"));

        quiz.advance(Duration.ofSeconds(2));
        assertEquals("SINGLE", quiz.state().at("/question/kind").asText());
        quiz.call(ann, "answer", List.of("Volga"));
        quiz.call(bob, "answer", List.of("Danube"));
        assertEquals("PAUSE", quiz.machineState(), "everyone answered: the question closed before its time");
        assertEquals(0, score("ann"), "still nothing before the recap");
        assertFalse(quiz.patches().subList(started, quiz.patches().size()).stream().anyMatch(p -> p.toString().contains("/scores")),
                "no patch since the game started touched a score");

        quiz.advance(Duration.ofSeconds(2));
        quiz.call(ann, "answer", List.of("Bolivia", "Paraguay", "Peru")); // 2 right, 1 wrong of 3: 15 × 1/3
        quiz.call(bob, "answer", List.of("Bolivia", "Paraguay", "Mongolia"));
        assertEquals("RECAP", quiz.machineState(), "the last question of the category leads to its recap");
        assertEquals(25, score("ann"));
        assertEquals(15, score("bob"));
        JsonNode recap = quiz.state().get("recap");
        assertEquals(3, recap.size());
        assertEquals("Volga", recap.at("/1/solution/0").asText());
        assertEquals(5, recap.at("/2/answers/ann/points").asInt());
        assertEquals("Danube", recap.at("/1/answers/bob/picks/0").asText());

        quiz.call(ann, "next");
        assertEquals("FINAL", quiz.machineState());
        assertEquals("ann", quiz.state().at("/ranking/0/user").asText());
        assertEquals(2, quiz.state().at("/ranking/1/place").asInt());
    }

    @Test
    void noAnswerAndNoOtherPlayersAnswerIsSentBeforeTheRecap() throws Exception {
        startGame();
        quiz.call(ann, "answer", List.of("Atlantis"));
        String toBob = quiz.state(bob).toString().toLowerCase(Locale.ROOT);
        assertFalse(toBob.contains("tenochtitl"), toBob);
        assertFalse(toBob.contains("atlantis"), "bob does not see ann's answer");
        assertEquals("Atlantis", quiz.state(ann).at("/myAnswer/0").asText(), "ann sees her own");
        assertEquals(List.of("ann"), List.of(quiz.state().get("answered").get(0).asText()), "everyone sees who answered");
        quiz.call(bob, "answer", List.of("Rome"));
        quiz.advance(Duration.ofSeconds(2));
        quiz.call(ann, "answer", List.of("Volga"));
        String later = quiz.state(bob).toString().toLowerCase(Locale.ROOT);
        assertFalse(later.contains("tenochtitl") || later.contains("atlantis"), "closed, but not yet in a recap: " + later);
        quiz.advance(Duration.ofSeconds(5));
        quiz.advance(Duration.ofSeconds(2));
        quiz.call(ann, "answer", List.of("Peru"));
        quiz.call(bob, "answer", List.of("Peru"));
        String recap = quiz.state(bob).toString().toLowerCase(Locale.ROOT);
        assertTrue(recap.contains("tenochtitl") && recap.contains("atlantis"), recap);
    }

    @Test
    void aMajorityOfVotesOverturnsAFreeTextMark() throws Exception {
        TestCaller cat = TestCaller.user("cat");
        quiz.connect(cat);
        quiz.call(cat, "join", "Cat");
        quiz.call(cat, "ready", true);
        startGame();
        quiz.call(ann, "answer", List.of("Tenochtitlan"));
        quiz.call(bob, "answer", List.of("Tenochtitlan city")); // no exact match: marked wrong
        quiz.call(cat, "answer", List.of("Aztlan"));
        for (int q = 0; q < 2; q++) {
            quiz.advance(Duration.ofSeconds(2));
            for (TestCaller p : List.of(ann, bob, cat)) {
                quiz.call(p, "answer", List.of(q == 0 ? "Volga" : "Peru"));
            }
        }
        assertEquals("RECAP", quiz.machineState());
        assertEquals(10, score("bob"), "Volga only");
        assertFalse(quiz.state().at("/recap/0/answers/bob/right").asBoolean());
        quiz.call(ann, "vote", 0, "bob", true);
        assertEquals(10, score("bob"), "one of two other players is no majority");
        quiz.call(cat, "vote", 0, "bob", true);
        assertEquals(20, score("bob"), "two of two: the mark flips and the points follow");
        assertTrue(quiz.state().at("/recap/0/answers/bob/right").asBoolean());
        quiz.call(cat, "vote", 0, "bob", false);
        assertEquals(10, score("bob"), "a changed vote counts");

        ActionRejected own = assertThrows(ActionRejected.class, () -> quiz.call(bob, "vote", 0, "bob", true));
        assertEquals("You can't vote on your own answer", own.getMessage());
        ActionRejected choice = assertThrows(ActionRejected.class, () -> quiz.call(bob, "vote", 1, "ann", false));
        assertEquals("Only free-text answers can be voted on", choice.getMessage());
    }

    @Test
    void onlyTheHostRunsTheGameUnlessTheHostIsAway() throws Exception {
        LiveObjectException refused = assertThrows(LiveObjectException.class, () -> quiz.call(bob, "start"));
        assertEquals(ErrorCode.FORBIDDEN, refused.code());
        assertEquals("Only the host, Ann, can start the game", refused.getMessage());
        quiz.disconnect(ann);
        quiz.call(bob, "start");
        assertEquals("COUNTDOWN", quiz.machineState());
    }

    @Test
    void aPlayerWhoLeavesAndRejoinsKeepsTheScore() throws Exception {
        startGame();
        quiz.call(bob, "answer", List.of("Tenochtitlan"));
        quiz.call(ann, "leave");
        assertEquals("PAUSE", quiz.machineState(), "the one who stayed answered: nobody else to wait for");
        quiz.call(ann, "join", "Ann again");
        quiz.advance(Duration.ofSeconds(2));
        quiz.call(ann, "answer", List.of("Volga"));
        quiz.call(bob, "answer", List.of("Volga"));
        quiz.advance(Duration.ofSeconds(2));
        quiz.call(ann, "answer", List.of("Bolivia"));
        quiz.call(bob, "answer", List.of("Bolivia"));
        assertEquals("RECAP", quiz.machineState());
        assertEquals(25, score("bob"), "10 + 10 + 5");
        quiz.disconnect(bob);
        quiz.advance(Quiz.LEAVE_GRACE);
        quiz.connect(bob); // a reload: same user, same score
        assertEquals(25, score("bob"));
        assertEquals("Bob", quiz.state().at("/players/bob/name").asText());
    }

    @Test
    void whenTheLastPlayerWhoHasNotAnsweredDropsTheQuestionClosesAfterTheGrace() throws Exception {
        quiz.call(ann, "settings", 30, 1); // time-up is far off
        startGame();
        quiz.call(ann, "answer", List.of("Tenochtitlan"));
        quiz.disconnect(bob); // bob's only connection drops without answering
        quiz.advance(Quiz.LEAVE_GRACE.minusMillis(1));
        assertEquals("QUESTION", quiz.machineState(), "a reload inside the grace period does not lose the question");
        quiz.advance(Duration.ofMillis(1));
        assertEquals("PAUSE", quiz.machineState(), "ann, the only one here, answered: no waiting for time-up");
        assertEquals(List.of(), quiz.timerFailures());
    }

    @Test
    void aPlayerWhoReloadsWithinTheGraceIsStillWaitedFor() throws Exception {
        quiz.call(ann, "settings", 30, 1);
        startGame();
        quiz.call(ann, "answer", List.of("Tenochtitlan"));
        quiz.disconnect(bob);
        quiz.connect(bob);
        quiz.advance(Quiz.LEAVE_GRACE);
        assertEquals("QUESTION", quiz.machineState(), "bob is back and has not answered");
        quiz.call(bob, "answer", List.of("Tenochtitlan"));
        assertEquals("PAUSE", quiz.machineState());
    }

    @Test
    void whenTheOnlyPlayerNotReadyDropsTheCountdownStarts() throws Exception {
        TestCaller cat = TestCaller.user("cat");
        quiz.connect(cat);
        quiz.call(cat, "join", "Cat");
        quiz.call(ann, "ready", true);
        quiz.call(bob, "ready", true);
        assertEquals("LOBBY", quiz.machineState(), "cat is not ready");
        quiz.disconnect(cat);
        quiz.advance(Quiz.LEAVE_GRACE);
        assertEquals("COUNTDOWN", quiz.machineState(), "everyone still here is ready");
        assertEquals(List.of(), quiz.timerFailures());
    }

    @Test
    void badAnswersAreRefusedWithWhatIsAllowed() throws Exception {
        assertThrows(TransitionRefusedException.class, () -> quiz.call(ann, "answer", List.of("x")));
        ActionRejected seconds = assertThrows(ActionRejected.class, () -> quiz.call(ann, "settings", 1, 1));
        assertEquals("Seconds per question must be from 5 to 120, not 1", seconds.getMessage());
        startGame();
        quiz.call(ann, "answer", List.of("Tenochtitlan"));
        quiz.call(bob, "answer", List.of("Tenochtitlan"));
        quiz.advance(Duration.ofSeconds(2));
        ActionRejected option = assertThrows(ActionRejected.class, () -> quiz.call(ann, "answer", List.of("Thames")));
        assertEquals("'Thames' is not an option: one of Danube, Volga, Rhine, Loire", option.getMessage());
        ActionRejected two = assertThrows(ActionRejected.class, () -> quiz.call(ann, "answer", List.of("Volga", "Rhine")));
        assertEquals("Pick exactly one option: one of Danube, Volga, Rhine, Loire", two.getMessage());
        quiz.call(ann, "answer", List.of("Volga"));
        ActionRejected again = assertThrows(ActionRejected.class, () -> quiz.call(ann, "answer", List.of("Rhine")));
        assertEquals("You already answered this question", again.getMessage());
    }
}
