package dev.autodev.web;

import dev.autodev.agents.EventType;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.search.OutputSearch;
import dev.autodev.search.SearchQuery;
import dev.autodev.search.SearchResults;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Full-text search over every run's output. */
@RestController
class SearchController {

    private final OutputSearch search;

    SearchController(OutputSearch search) {
        this.search = search;
    }

    @GetMapping("/api/search")
    SearchResults search(@RequestParam(required = false) String q,
                         @RequestParam(required = false) String jobId,
                         @RequestParam(required = false) String projectId,
                         @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to,
                         @RequestParam(required = false) String type,
                         @RequestParam(defaultValue = "0") String page,
                         @RequestParam(defaultValue = "20") String size) {
        Instant start = QueryParams.time("from", from);
        Instant end = QueryParams.time("to", to);
        QueryParams.window(start, end);
        if (type != null && !type.isBlank() && Arrays.stream(EventType.values()).noneMatch(t -> t.wire().equals(type))) {
            throw new BadRequest("type", "must be one of " + Arrays.stream(EventType.values()).map(EventType::wire)
                    .collect(Collectors.joining(", ")) + ", was '" + type + "'");
        }
        return search.search(new SearchQuery(q, jobId, projectId, type, start, end,
                QueryParams.page(page), Math.min(QueryParams.size(size), 100)));
    }
}
