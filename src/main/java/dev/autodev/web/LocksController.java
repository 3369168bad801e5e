package dev.autodev.web;

import dev.autodev.agents.AgentIdentity;
import dev.autodev.agents.RunTokens;
import dev.autodev.common.ApiException.BadRequest;
import dev.autodev.common.ApiException.NotFound;
import dev.autodev.locks.FileLock;
import dev.autodev.locks.FileLockRegistry;
import dev.autodev.locks.LockCheck;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** File locks: what is held, a person's force release, and the check the edit hook asks before every edit. */
@RestController
@RequestMapping("/api/locks")
class LocksController {

    private final FileLockRegistry registry;
    private final RunTokens tokens;

    LocksController(FileLockRegistry registry, RunTokens tokens) {
        this.registry = registry;
        this.tokens = tokens;
    }

    @GetMapping
    List<FileLock> list() {
        return registry.list();
    }

    @DeleteMapping("/{id}")
    FileLock forceRelease(@PathVariable String id) {
        return registry.forceRelease(id).orElseThrow(() -> new NotFound("lock", id));
    }

    /**
     * May the calling run edit {@code file} now? The caller is the run whose token is the bearer token; relative
     * paths are resolved against its work dir. Answers 200 either way, so the hook tells a refusal from a failure.
     */
    @GetMapping("/check")
    ResponseEntity<?> check(@RequestParam(required = false) String file,
                            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
        Optional<AgentIdentity> caller = bearer(authorization).flatMap(tokens::resolve);
        if (caller.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .body(new ApiErrors.ErrorBody(401, "unauthorized", null,
                            "a run token is required (Authorization: Bearer <token>); unknown, or the run has ended"));
        }
        if (file == null || file.isBlank()) throw new BadRequest("file", "required: the path of the file to edit");
        try {
            LockCheck answer = registry.check(caller.get(), file);
            return ResponseEntity.ok(answer);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("file", e.getMessage());
        }
    }

    private static Optional<String> bearer(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
