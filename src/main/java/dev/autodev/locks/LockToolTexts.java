package dev.autodev.locks;

/** What the model reads about the lock tools: their descriptions and argument schemas. */
final class LockToolTexts {

    private LockToolTexts() {}

    static final String LOCK_FILES = """
            Lock files before you edit them. A hook blocks every Edit, Write, MultiEdit and NotebookEdit on a file \
            you have not locked, so call this first with every file you are about to change, in one call: it locks \
            all of them or none. Paths may be absolute or relative to your working directory; "checkout::<dir>" \
            locks a whole directory tree (use it before creating many files there). Locks are exclusive: while \
            another agent holds one of the files, this call waits for it (up to timeout_seconds, default 60, at \
            most 100). The answer's "status" is one of: "acquired" - go ahead and edit; "timed_out" - nothing was \
            locked, the files are still busy ("held_by" says who holds what): call again to keep waiting, or do \
            other work first; "deadlock_detected" - nothing was locked, and waiting would never end because you \
            hold files that the holders are (directly or through others) waiting for: release your locks with \
            release_files, then lock everything you need in a single call. Locks last ttl_seconds (default 600); \
            calling lock_files again on files you hold refreshes them. Release them with release_files as soon \
            as you are done; they are released anyway when your run ends.""";

    static final String RELEASE_FILES = """
            Release locks you took with lock_files, so other agents can edit those files. Pass the same paths \
            (or "checkout::<dir>") you locked; leave "files" out to release all your locks. You can only release \
            your own locks: another agent's lock stays and is listed under "not_released" with who holds it.""";

    static final String CHECK_FILE_LOCKS = """
            List the file locks agents hold right now: each with the file ("checkout::<dir>" for a whole \
            directory), whether it is yours, the holding run and job, its reason and when it expires. Give \
            "files" to see only the locks that cover or overlap those paths. Nothing is locked or waited for.""";

    static final String LOCK_FILES_SCHEMA = """
            {"type":"object","properties":{
              "files":{"type":"array","items":{"type":"string"},"minItems":1,
                "description":"paths to lock, absolute or relative to your work dir; \\"checkout::<dir>\\" locks a directory tree"},
              "reason":{"type":"string","description":"what you are about to do, shown to other agents and on the dashboard"},
              "ttl_seconds":{"type":"integer","minimum":1,"maximum":7200,"description":"how long the locks last, in seconds (default 600)"},
              "timeout_seconds":{"type":"integer","minimum":0,"maximum":100,"description":"how long to wait for busy files, in seconds (default 60, at most 100; 0 = do not wait)"}
            },"required":["files","reason"]}""";

    static final String RELEASE_FILES_SCHEMA = """
            {"type":"object","properties":{
              "files":{"type":"array","items":{"type":"string"},"description":"the paths you locked; leave out to release all your locks"}
            }}""";

    static final String CHECK_FILE_LOCKS_SCHEMA = """
            {"type":"object","properties":{
              "files":{"type":"array","items":{"type":"string"},"description":"only show locks covering or overlapping these paths"}
            }}""";
}
