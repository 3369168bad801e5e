package dev.autodev.agents;

import dev.autodev.common.Db;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Issues each run its own secret and tells, for a presented secret, which active run it belongs to. Only the
 * SHA-256 of a token is stored; the token itself reaches the agent through its MCP config file and environment.
 *
 * <p>Every MCP call and every edit asks, so answers for active runs are kept in memory; a run's entry is dropped as
 * soon as its end is committed (or it gets a new token), which is when the token stops working.
 */
@Component
public class RunTokens {

    private static final String STORE = "UPDATE agent_runs SET token_hash = ? WHERE id = ?";
    private static final String RESOLVE = """
            SELECT r.id, r.job_id, r.model, coalesce(r.work_dir, j.work_dir) FROM agent_runs r JOIN jobs j ON j.id = r.job_id
            WHERE r.token_hash = ? AND r.status IN ('starting', 'running', 'waiting_user', 'idle')""";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, AgentIdentity> activeByHash = new ConcurrentHashMap<>();
    private final Db db;

    RunTokens(Db db) {
        this.db = db;
    }

    /** A fresh token for the run; any earlier one stops working. */
    public String issue(String runId) {
        String token = newToken();
        assign(runId, token);
        return token;
    }

    /** A token that belongs to no run yet (a warm start's, {@link WarmStarts}); {@link #assign} gives it one. */
    String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Makes {@code token} the run's; any earlier one stops working. */
    void assign(String runId, String token) {
        db.write().sql(STORE).params(hash(token), runId).update();
        forget(runId);
    }

    /** The active run this token belongs to; empty for an unknown token or a run that has ended. */
    public Optional<AgentIdentity> resolve(String token) {
        if (token == null || token.isBlank()) return Optional.empty();
        String hash = hash(token);
        AgentIdentity known = activeByHash.get(hash);
        if (known != null) return Optional.of(known);
        Optional<AgentIdentity> found = db.read().sql(RESOLVE).param(hash)
                .query((rs, row) -> new AgentIdentity(rs.getString(1), rs.getString(2), rs.getString(3), Path.of(rs.getString(4))))
                .optional();
        found.ifPresent(identity -> activeByHash.put(hash, identity));
        return found;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RunChanged event) {
        if (event.status().isTerminal()) forget(event.runId());
    }

    private void forget(String runId) {
        activeByHash.values().removeIf(identity -> identity.runId().equals(runId));
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
