package dev.portcullis.audit;

import com.google.common.collect.ImmutableList;
import java.util.Comparator;
import java.util.Objects;

/**
 * One verdict of an audit.
 *
 * @param id stable across runs: derived from the check and what was judged (a node and port, a live
 *     rule id, a policy rule key), never from a position in the input
 * @param protocol {@code tcp}, {@code udp}, {@code icmp}, {@code all}…, as {@link dev.portcullis.core.Protocol#key()}
 * @param ports {@code 6443}, {@code 30000-32767}, or empty where the protocol has none
 * @param subject what was judged: a listener ({@code node1 :::8888 kubectl}) or a live rule id
 * @param message what is wrong or right, in one sentence or two
 * @param policy the policy entry it was judged against, with its citation
 * @param fix one line: what to do
 * @param locations where the subject is in the inputs
 */
public record Finding(
        String id,
        Check check,
        Severity severity,
        String protocol,
        String ports,
        String subject,
        String message,
        Citation policy,
        String fix,
        ImmutableList<Location> locations) {

    /** Most severe first, then by id: the order of every output. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity).thenComparing(Finding::id);

    public Finding {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fix, "fix");
        locations = ImmutableList.copyOf(locations);
    }
}
