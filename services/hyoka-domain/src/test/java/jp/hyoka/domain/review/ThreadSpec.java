package jp.hyoka.domain.review;

import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.review.command.ReopenThread;
import jp.hyoka.domain.review.command.Reply;
import jp.hyoka.domain.review.command.ResolveThread;
import jp.hyoka.domain.review.command.ReviewThreadCommand;
import jp.hyoka.domain.review.command.StartThread;
import jp.hyoka.domain.review.event.ReviewThreadEvent;
import jp.hyoka.domain.review.event.ThreadStarted;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** given(events) / when(command) / then(events or rejection) for {@link ReviewThreadDecider}. */
final class ThreadSpec {

    private final ReviewThreadDecider decider = new ReviewThreadDecider(ThreadFixtures.SANITIZER);
    private ReviewThread state;
    private Optional<DocumentOutline> outline = Optional.of(ThreadFixtures.OUTLINE);
    private List<ReviewThreadEvent> produced;
    private CommandRejected rejected;

    static ReviewThread fold(List<ReviewThreadEvent> history) {
        ReviewThread folded = null;
        for (ReviewThreadEvent event : history) {
            folded = folded == null ? ReviewThread.begin((ThreadStarted) event) : folded.evolve(event);
        }
        return folded;
    }

    ThreadSpec given(ReviewThreadEvent... events) {
        state = fold(List.of(events));
        return this;
    }

    /** The assessment is not in the caller's municipality (or does not exist). */
    ThreadSpec givenNoAssessment() {
        outline = Optional.empty();
        return this;
    }

    ThreadSpec when(ReviewThreadCommand command) {
        produced = null;
        rejected = null;
        try {
            if (command instanceof StartThread start) {
                produced = decider.start(state, start, outline);
            } else if (command instanceof Reply reply) {
                produced = decider.reply(state, reply);
            } else if (command instanceof ResolveThread resolve) {
                produced = decider.resolve(state, resolve);
            } else {
                produced = decider.reopen(state, (ReopenThread) command);
            }
        } catch (CommandRejected e) {
            rejected = e;
        }
        return this;
    }

    ThreadSpec then(ReviewThreadEvent... expected) {
        assertThat(rejected).as("rejection").isNull();
        assertThat(produced).containsExactly(expected);
        return this;
    }

    ThreadSpec thenRejectedWith(Rejection expected) {
        assertThat(produced).as("events").isNull();
        assertThat(rejected).as("rejection").isNotNull();
        assertThat(rejected.rejection()).isEqualTo(expected);
        return this;
    }

    /** Rejected with a rejection of this type (for messages not worth spelling out). */
    ThreadSpec thenRejectedWith(Class<? extends Rejection> type) {
        assertThat(rejected).as("rejection").isNotNull();
        assertThat(rejected.rejection()).isInstanceOf(type);
        return this;
    }
}
