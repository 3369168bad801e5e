# Sourced by the scripts that need JDK 25: keeps JAVA_HOME when it is one, else takes the first under /usr/lib/jvm,
# else stops with a message. The JDK's release file names its version without starting a JVM.
# Usage: use_jdk25 <script name> [javac]   (javac: the script compiles, so a JRE will not do)

is_jdk25() {
    [[ -x "$1/bin/java" ]] && { [[ "${2:-}" != javac ]] || [[ -x "$1/bin/javac" ]]; } \
        && grep -Eq '^JAVA_VERSION="25([."]|")' "$1/release" 2>/dev/null
}

use_jdk25() {
    if [[ -n "${JAVA_HOME:-}" ]] && is_jdk25 "$JAVA_HOME" "${2:-}"; then return; fi
    local candidate
    for candidate in /usr/lib/jvm/*25*; do
        if is_jdk25 "$candidate" "${2:-}"; then
            export JAVA_HOME="$candidate"
            return
        fi
    done
    echo "$1: JDK 25 is needed; set JAVA_HOME to one (JAVA_HOME=${JAVA_HOME:-unset}, none under /usr/lib/jvm/*25*)" >&2
    exit 2
}
