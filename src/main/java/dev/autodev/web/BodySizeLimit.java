package dev.autodev.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Refuses REST request bodies over {@code autodev.security.max-body-size} with 413, before anything is parsed or
 * stored. A declared Content-Length is judged at once; a chunked body is counted as it is read, and reading past the
 * limit fails the request the same way. /mcp has its own limit, answered as JSON-RPC.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends RestApiFilter {

    private final long maxBytes;

    BodySizeLimit(SecurityProperties security) {
        this.maxBytes = security.maxBodySize().toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            refuse(response);
            return;
        }
        try {
            chain.doFilter(request.getContentLengthLong() < 0 ? new Counted(request, maxBytes) : request, response);
        } catch (ServletException | IOException | RuntimeException e) {
            if (!causedByTooLarge(e)) throw e;
            if (!response.isCommitted()) {
                response.reset();
                refuse(response);
            }
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(413);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"status\":413,\"error\":\"payload_too_large\",\"field\":\"body\",\"message\":"
                + "\"request body larger than " + maxBytes + " bytes (autodev.security.max-body-size)\"}");
    }

    static boolean causedByTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TooLarge) return true;
        }
        return false;
    }

    /** Thrown by a counted body read past the limit. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("request body larger than " + max + " bytes");
        }
    }

    /** A request whose body stream fails once more than the limit has been read. */
    private static final class Counted extends HttpServletRequestWrapper {

        private final long max;
        private ServletInputStream stream;

        Counted(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) stream = new CountingStream(super.getInputStream(), max);
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long max;
        private long read;

        CountingStream(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) count(n);
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > max) throw new TooLarge(max);
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
