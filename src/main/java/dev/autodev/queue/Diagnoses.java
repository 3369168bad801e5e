package dev.autodev.queue;

import dev.autodev.common.Db;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * Failed jobs waiting for their diagnosis (retry policy analyze), and the retry queued once it is there. A diagnosis
 * is a small-model question with no job of its own, so its row names the failed job in both columns; rows from
 * before that name the diagnosis job that was run instead, and are finished when that job ends.
 */
@Repository
class Diagnoses {

    private static final String INSERT = "INSERT INTO job_diagnoses (diagnosis_job_id, failed_job_id) VALUES (?, ?)";
    private static final String WAITING = """
            SELECT failed_job_id FROM job_diagnoses
            WHERE diagnosis_job_id = failed_job_id AND failed_job_id = ? AND retry_job_id IS NULL""";
    private static final String ALL_WAITING = """
            SELECT failed_job_id FROM job_diagnoses WHERE diagnosis_job_id = failed_job_id AND retry_job_id IS NULL""";
    private static final String PENDING_JOB = """
            SELECT failed_job_id FROM job_diagnoses
            WHERE diagnosis_job_id = ? AND diagnosis_job_id <> failed_job_id AND retry_job_id IS NULL""";
    private static final String RETRIED = "UPDATE job_diagnoses SET retry_job_id = ? WHERE diagnosis_job_id = ? AND retry_job_id IS NULL";

    private final Db db;

    Diagnoses(Db db) {
        this.db = db;
    }

    /** The failed job waits for a diagnosis before its retry is queued. */
    void awaitDiagnosis(String failedJobId) {
        db.write().sql(INSERT).params(failedJobId, failedJobId).update();
    }

    /** Whether the failed job still waits for its diagnosis (its retry is not queued yet). */
    boolean waitsForDiagnosis(String failedJobId) {
        return db.write().sql(WAITING).param(failedJobId).query(String.class).optional().isPresent();
    }

    /** Every failed job still waiting, e.g. after a restart cut a diagnosis short. */
    List<String> allWaiting() {
        return db.write().sql(ALL_WAITING).query(String.class).list();
    }

    /** The failed job a diagnosis job (of an earlier version) looks into, while its retry is not queued yet. */
    Optional<String> pendingFailedJob(String diagnosisJobId) {
        return db.write().sql(PENDING_JOB).param(diagnosisJobId).query(String.class).optional();
    }

    /** False when the retry was already recorded (the diagnosis was finished twice). */
    boolean retried(String diagnosisJobId, String retryJobId) {
        return db.write().sql(RETRIED).params(retryJobId, diagnosisJobId).update() == 1;
    }
}
