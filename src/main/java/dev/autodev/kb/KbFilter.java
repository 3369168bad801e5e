package dev.autodev.kb;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which entries a listing or search looks at; every field is optional.
 *
 * @param project a project key (already normalized)
 * @param tag     one tag an entry must have
 */
public record KbFilter(String project, KbScope scope, KbEntryStatus status, String tag) {

    public static final KbFilter ALL = new KbFilter(null, null, null, null);

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql) {
        String normalizedTag = tag == null || tag.isBlank() ? null : Tags.normalize(java.util.List.of(tag)).getFirst();
        return sql.param("project", project)
                .param("scope", scope == null ? null : scope.wireName())
                .param("status", status == null ? null : status.wireName())
                .param("tag", normalizedTag == null ? null : "% " + normalizedTag + " %");
    }
}
