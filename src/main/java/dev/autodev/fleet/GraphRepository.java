package dev.autodev.fleet;

import static dev.autodev.common.Times.instant;

import dev.autodev.common.Db;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Repository;

/**
 * Reads the job graph: the jobs created since a time (in one project, when one is given) and every link among them.
 * Links to jobs outside the set are left out, so a client never gets an edge without both its ends.
 */
@Repository
public class GraphRepository {

    /** Beyond this many nodes a drawn graph stops being readable; the newest jobs are kept. */
    static final int MAX_NODES = 5_000;

    private static final String JOBS = """
            SELECT id, title, status, model, attempt, created_at, parent_job_id, retry_of_job_id FROM jobs
            WHERE created_at >= :since AND (:project IS NULL OR project_id = :project) ORDER BY created_at DESC, id DESC LIMIT :limit""";
    private static final String DEPENDENCIES = """
            SELECT d.job_id, d.depends_on_id FROM job_dependencies d JOIN jobs j ON j.id = d.job_id
            WHERE j.created_at >= :since AND (:project IS NULL OR j.project_id = :project)""";

    private final Db db;

    GraphRepository(Db db) {
        this.db = db;
    }

    public JobGraph since(Instant since) {
        return since(since, null);
    }

    /** Jobs created since {@code since} in project {@code projectId}, or in any project when it is null. */
    public JobGraph since(Instant since, String projectId) {
        List<JobGraph.Node> nodes = new ArrayList<>();
        List<String[]> links = new ArrayList<>(); // {source, target, kind}
        db.read().sql(JOBS).param("since", since.toEpochMilli()).param("project", projectId).param("limit", MAX_NODES + 1).query(rs -> {
            if (nodes.size() == MAX_NODES) {
                nodes.add(null); // marks the cut; removed below
                return;
            }
            if (nodes.size() > MAX_NODES) return;
            String id = rs.getString("id");
            nodes.add(new JobGraph.Node(id, rs.getString("title"), rs.getString("status"), rs.getString("model"),
                    rs.getInt("attempt"), instant(rs.getLong("created_at"))));
            String parent = rs.getString("parent_job_id");
            if (parent != null) links.add(new String[] {parent, id, "parent"});
            String retryOf = rs.getString("retry_of_job_id");
            if (retryOf != null) links.add(new String[] {retryOf, id, "retryOf"});
        });
        boolean truncated = nodes.size() > MAX_NODES;
        if (truncated) nodes.removeLast();
        db.read().sql(DEPENDENCIES).param("since", since.toEpochMilli()).param("project", projectId).query(rs -> {
            links.add(new String[] {rs.getString("depends_on_id"), rs.getString("job_id"), "dependsOn"});
        });
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        List<JobGraph.Edge> edges = links.stream()
                .filter(l -> ids.contains(l[0]) && ids.contains(l[1]))
                .map(l -> new JobGraph.Edge(l[0], l[1], JobGraph.EdgeKind.valueOf(l[2])))
                .toList();
        return new JobGraph(nodes.reversed(), edges, truncated);
    }
}
