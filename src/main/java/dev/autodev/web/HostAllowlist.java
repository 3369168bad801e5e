package dev.autodev.web;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The host names this server answers to, and the browser origins it takes writes from.
 *
 * <p>A page on any web site can point its own name at 127.0.0.1 (DNS rebinding); the browser then sends that
 * site's name as Host and as Origin, so comparing one with the other proves nothing. Only names from this list,
 * which the attacker cannot choose, are trusted: the loopback names, the address the server is bound to, and what
 * the user adds (ALLOWED_HOSTS). Ports do not matter: the name is what the attacker would have to control.
 */
final class HostAllowlist {

    private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    private final Set<String> hosts;
    private final Set<String> origins;

    HostAllowlist(String bindAddress, List<String> extraHosts, List<String> extraOrigins) {
        Set<String> names = new LinkedHashSet<>(LOOPBACK);
        if (bindAddress != null && !bindAddress.isBlank() && !isWildcard(bindAddress)) names.add(normalise(bindAddress));
        extraHosts.forEach(host -> names.add(normalise(host)));
        this.hosts = Set.copyOf(names);
        Set<String> allowedOrigins = new LinkedHashSet<>();
        extraOrigins.forEach(origin -> allowedOrigins.add(stripSlash(origin.toLowerCase(Locale.ROOT))));
        this.origins = Set.copyOf(allowedOrigins);
    }

    /** A Host header's value ({@code name}, {@code name:port}, {@code [v6]:port}) names an allowed host. */
    boolean allowsHost(String hostHeader) {
        return hostHeader != null && hosts.contains(nameOf(hostHeader.strip().toLowerCase(Locale.ROOT)));
    }

    /** An Origin header ({@code scheme://host[:port]}) is one of the allowed hosts, or listed in ALLOWED_ORIGINS. */
    boolean allowsOrigin(String origin) {
        String value = stripSlash(origin.strip().toLowerCase(Locale.ROOT));
        if (origins.contains(value)) return true;
        try {
            URI uri = URI.create(value);
            String scheme = uri.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme)) return false;
            return uri.getRawAuthority() != null && uri.getRawUserInfo() == null && allowsHost(uri.getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    Set<String> hosts() {
        return hosts;
    }

    /** The host part of {@code host[:port]}; an IPv6 literal keeps its brackets. */
    private static String nameOf(String hostAndPort) {
        if (hostAndPort.startsWith("[")) {
            int end = hostAndPort.indexOf(']');
            return end < 0 ? hostAndPort : hostAndPort.substring(0, end + 1);
        }
        int colon = hostAndPort.indexOf(':');
        if (colon >= 0 && hostAndPort.indexOf(':', colon + 1) >= 0) return "[" + hostAndPort + "]"; // bare v6
        String name = colon < 0 ? hostAndPort : hostAndPort.substring(0, colon);
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.contains(":") && !h.startsWith("[") ? "[" + h + "]" : nameOf(h);
    }

    private static boolean isWildcard(String address) {
        return address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]");
    }

    private static String stripSlash(String origin) {
        return origin.endsWith("/") ? origin.substring(0, origin.length() - 1) : origin;
    }
}
