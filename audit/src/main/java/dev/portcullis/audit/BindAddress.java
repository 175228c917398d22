package dev.portcullis.audit;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Objects;

/**
 * The local address a socket is bound to, as ss or netstat print it, and whether other hosts can
 * reach it.
 *
 * <p>{@code *} is how ss prints {@code ::} when the socket also accepts IPv4 (not IPV6_V6ONLY);
 * netstat prints it {@code ::}. A {@code ::ffff:} mapped address is judged as the IPv4 address it
 * maps. {@code %lo} (ss's bound device) makes any address loopback.
 *
 * @param text the address as printed, brackets and device included
 * @param scope wildcard, loopback or one specific address
 * @param parsed false when the address is no IP literal, as when netstat cuts a long IPv6 address
 *     to fit its column (use {@code netstat -W}); such an address is taken as specific
 */
record BindAddress(String text, Scope scope, boolean parsed) {
    enum Scope { WILDCARD, LOOPBACK, SPECIFIC }

    BindAddress {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(scope, "scope");
    }

    /** Whether other hosts may reach a socket bound here (anything but loopback). */
    boolean reachable() {
        return scope != Scope.LOOPBACK;
    }

    static BindAddress parse(String text) {
        String host = text;
        String device = "";
        int percent = host.indexOf('%');
        if (percent >= 0) {
            device = host.substring(percent + 1);
            host = host.substring(0, percent);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (device.equals("lo")) {
            return new BindAddress(text, Scope.LOOPBACK, true);
        }
        if (host.equals("*")) {
            return new BindAddress(text, Scope.WILDCARD, true);
        }
        if (!InetAddresses.isInetAddress(host)) {
            return new BindAddress(text, Scope.SPECIFIC, false);
        }
        InetAddress address = InetAddresses.forString(host); // Java returns ::ffff:a.b.c.d as an Inet4Address
        if (address.isAnyLocalAddress()) {
            return new BindAddress(text, Scope.WILDCARD, true);
        }
        if (address.isLoopbackAddress()) {
            return new BindAddress(text, Scope.LOOPBACK, true);
        }
        return new BindAddress(text, Scope.SPECIFIC, true);
    }
}
