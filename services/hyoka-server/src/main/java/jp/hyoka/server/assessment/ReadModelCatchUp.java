package jp.hyoka.server.assessment;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jp.hyoka.domain.assessment.AssessmentId;
import jp.hyoka.domain.shared.MunicipalityCode;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Read-your-writes: a mutation returns only once the read models show the revision it wrote, so a client that
 * reads right after a successful mutation sees its own change. The events are committed before this wait starts;
 * the wait is short because the tracking processor is woken by the local commit.
 */
@Singleton
public class ReadModelCatchUp {

    private final AssessmentQueries queries;
    private final Duration timeout;

    public ReadModelCatchUp(AssessmentQueries queries, @Value("${hyoka.read-your-writes.timeout:5s}") Duration timeout) {
        this.queries = queries;
        this.timeout = timeout;
    }

    /** @return false if the read models did not reach the revision in time (the write itself stands). */
    public boolean await(MunicipalityCode tenant, AssessmentId id, long revision) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = Duration.ofMillis(2).toNanos();
        while (queries.revision(tenant, id) < revision) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(pause);
            pause = Math.min(pause * 2, Duration.ofMillis(50).toNanos());
        }
        return true;
    }
}
