package dev.autodev.queue;

import dev.autodev.common.Db;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** Which diagnosis job looks into which failed job, and the retry queued once it ended. */
@Repository
class Diagnoses {

    private static final String INSERT = "INSERT INTO job_diagnoses (diagnosis_job_id, failed_job_id) VALUES (?, ?)";
    private static final String PENDING = "SELECT failed_job_id FROM job_diagnoses WHERE diagnosis_job_id = ? AND retry_job_id IS NULL";
    private static final String RETRIED = "UPDATE job_diagnoses SET retry_job_id = ? WHERE diagnosis_job_id = ? AND retry_job_id IS NULL";

    private final Db db;

    Diagnoses(Db db) {
        this.db = db;
    }

    void insert(String diagnosisJobId, String failedJobId) {
        db.write().sql(INSERT).params(diagnosisJobId, failedJobId).update();
    }

    /** The failed job a diagnosis job looks into, while its retry is not queued yet. */
    Optional<String> pendingFailedJob(String diagnosisJobId) {
        return db.write().sql(PENDING).param(diagnosisJobId).query(String.class).optional();
    }

    /** False when the retry was already recorded (the end was handled twice). */
    boolean retried(String diagnosisJobId, String retryJobId) {
        return db.write().sql(RETRIED).params(retryJobId, diagnosisJobId).update() == 1;
    }
}
