package dev.autodev.journeys;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request written by hand on a socket, for what java.net.http refuses to send: a Host header of the
 * caller's choosing, as a browser sends after DNS rebinding.
 */
final class RawHttp {

    record Reply(int status, String body) {}

    private RawHttp() {}

    static Reply send(int port, String method, String path, Map<String, String> headers, String body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) head.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            return new Reply(status, split < 0 ? "" : response.substring(split + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
