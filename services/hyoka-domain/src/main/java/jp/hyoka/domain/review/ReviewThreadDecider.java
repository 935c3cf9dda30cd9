package jp.hyoka.domain.review;

import jp.hyoka.domain.form.Item;
import jp.hyoka.domain.form.RichTextAnswer;
import jp.hyoka.domain.form.RichTextSanitizer;
import jp.hyoka.domain.rejection.AssessmentNotFound;
import jp.hyoka.domain.rejection.CommandRejected;
import jp.hyoka.domain.rejection.InvalidInput;
import jp.hyoka.domain.rejection.Rejection;
import jp.hyoka.domain.rejection.TextTooLong;
import jp.hyoka.domain.rejection.ThreadNotFound;
import jp.hyoka.domain.rejection.ThreadStatusConflict;
import jp.hyoka.domain.rejection.UnknownItem;
import jp.hyoka.domain.rejection.UnknownRepeatEntry;
import jp.hyoka.domain.review.command.ReopenThread;
import jp.hyoka.domain.review.command.Reply;
import jp.hyoka.domain.review.command.ResolveThread;
import jp.hyoka.domain.review.command.ReviewThreadCommand;
import jp.hyoka.domain.review.command.StartThread;
import jp.hyoka.domain.review.event.ReplyPosted;
import jp.hyoka.domain.review.event.ReviewThreadEvent;
import jp.hyoka.domain.review.event.ThreadReopened;
import jp.hyoka.domain.review.event.ThreadResolved;
import jp.hyoka.domain.review.event.ThreadStarted;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides a review thread's life: started on an anchor the assessment's form (and its entries) has, replied to,
 * resolved, reopened. Pure: the caller folds the thread's events into state ({@code null} when there is none) and
 * looks up the assessment's outline for a new thread. Comments are sanitised like every rich text and limited in
 * length, so a comment can be shown wherever answers are.
 */
public final class ReviewThreadDecider {

    /** Characters of a comment's text (its words, not its markup): a page of remarks. */
    public static final int MAX_COMMENT_LENGTH = 4_000;

    private final RichTextSanitizer sanitizer;

    public ReviewThreadDecider(RichTextSanitizer sanitizer) {
        this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /**
     * @param outline the assessment in the caller's municipality, empty if there is none (or it is another's)
     */
    public List<ReviewThreadEvent> start(ReviewThread existing, StartThread command, Optional<DocumentOutline> outline) {
        if (existing != null) {
            // ids are minted by the server; a second start with the same id is a client replaying an old request
            throw reject(new InvalidInput("threadId", "a thread with this id exists already"));
        }
        DocumentOutline document = outline.orElseThrow(() ->
                reject(new AssessmentNotFound(command.assessmentId().toString())));
        checkAnchor(command.anchor(), document);
        return List.of(new ThreadStarted(command.threadId(), command.assessmentId(), command.tenant(), command.anchor(),
                comment(command.text()), command.by(), command.at()));
    }

    public List<ReviewThreadEvent> reply(ReviewThread thread, Reply command) {
        ReviewThread current = require(thread, command);
        return List.of(new ReplyPosted(current.id(), current.assessmentId(), current.tenant(), comment(command.text()),
                command.by(), command.at()));
    }

    public List<ReviewThreadEvent> resolve(ReviewThread thread, ResolveThread command) {
        ReviewThread current = require(thread, command);
        if (current.resolved()) {
            throw reject(new ThreadStatusConflict(current.id().toString(), "RESOLVED"));
        }
        return List.of(new ThreadResolved(current.id(), current.assessmentId(), current.tenant(), command.by(),
                command.at()));
    }

    public List<ReviewThreadEvent> reopen(ReviewThread thread, ReopenThread command) {
        ReviewThread current = require(thread, command);
        if (!current.resolved()) {
            throw reject(new ThreadStatusConflict(current.id().toString(), "OPEN"));
        }
        return List.of(new ThreadReopened(current.id(), current.assessmentId(), current.tenant(), command.by(),
                command.at()));
    }

    private static void checkAnchor(ThreadAnchor anchor, DocumentOutline document) {
        if (anchor.coversWholeDocument()) {
            return;
        }
        Item item = document.form().item(anchor.item()).orElseThrow(() -> reject(new UnknownItem(
                anchor.item().value(), document.form().ref().toString())));
        if (anchor.entry() == null) {
            return;
        }
        List<String> groups = document.form().chain(item.repeatGroup());
        String group = document.entryGroups().get(anchor.entry());
        if (group == null || !groups.contains(group)) {
            throw reject(new UnknownRepeatEntry(groups.isEmpty() ? "" : groups.get(groups.size() - 1),
                    List.of(anchor.entry())));
        }
    }

    private String comment(String text) {
        String html = sanitizer.sanitize(text == null ? "" : text).strip();
        String words = new RichTextAnswer(html).plainText();
        if (words.isBlank()) {
            throw reject(new InvalidInput("text", "a comment needs some text"));
        }
        int length = words.codePointCount(0, words.length());
        if (length > MAX_COMMENT_LENGTH) {
            throw reject(new TextTooLong("text", MAX_COMMENT_LENGTH, length));
        }
        return html;
    }

    /** Another municipality's thread is answered like a missing one. */
    private static ReviewThread require(ReviewThread thread, ReviewThreadCommand command) {
        if (thread == null || !thread.tenant().equals(command.tenant())) {
            throw reject(new ThreadNotFound(command.threadId().toString()));
        }
        return thread;
    }

    private static CommandRejected reject(Rejection rejection) {
        return new CommandRejected(rejection);
    }
}
