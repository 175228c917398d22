package dev.portcullis.audit;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One listening socket of one node: a TCP socket in LISTEN, or an unconnected UDP socket.
 *
 * @param node the input it was read from (one input per node)
 * @param line 1-based line in that input
 * @param protocol {@code tcp} or {@code udp}
 * @param endpoint the local address and port as printed ({@code :::8888}, {@code [::]:22})
 * @param process the program name as printed, possibly truncated by the tool
 */
record Listener(String node, int line, String protocol, BindAddress address, int port, String endpoint,
        Optional<String> process, OptionalInt pid) {
    Listener {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(pid, "pid");
    }
}
