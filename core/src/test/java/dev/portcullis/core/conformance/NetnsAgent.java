package dev.portcullis.core.conformance;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs inside a test network namespace: {@code listen TCP_PORTS UDP_PORTS SECONDS} serves TCP
 * accepts and a UDP echo on the given ports for a bounded time; {@code probe} reads
 * {@code tcp|udp|icmp ADDRESS PORT} lines and answers each with {@code ok} or {@code fail}, every
 * probe bounded by one second. JDK only, so it needs no classpath beyond the test classes.
 */
public final class NetnsAgent {
    private static final int TIMEOUT_MS = 1000;

    private NetnsAgent() {}

    public static void main(String[] args) throws Exception {
        if (args[0].equals("listen")) {
            listen(ports(args[1]), ports(args[2]), Integer.parseInt(args[3]));
        } else {
            probe();
        }
    }

    private static List<Integer> ports(String csv) {
        List<Integer> out = new ArrayList<>();
        if (!csv.equals("-")) {
            for (String p : csv.split(",")) {
                out.add(Integer.parseInt(p));
            }
        }
        return out;
    }

    private static void listen(List<Integer> tcp, List<Integer> udp, int seconds) throws Exception {
        for (int port : tcp) {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port));
            daemon(() -> {
                while (true) {
                    try (Socket s = server.accept()) {
                        s.getOutputStream().write('k');
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        for (int port : udp) {
            DatagramSocket socket = new DatagramSocket(port);
            daemon(() -> {
                byte[] buffer = new byte[64];
                while (true) {
                    try {
                        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                        socket.receive(packet);
                        socket.send(new DatagramPacket(packet.getData(), packet.getLength(), packet.getSocketAddress()));
                    } catch (Exception e) {
                        return;
                    }
                }
            });
        }
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(seconds * 1000L); // bounded: the test ends it earlier
        System.exit(0);
    }

    private static void daemon(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
    }

    private static void probe() throws Exception {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<String>> results = new ArrayList<>();
        for (String line : lines) {
            results.add(pool.submit(() -> line + " " + (attempt(line.split(" ")) ? "ok" : "fail")));
        }
        for (Future<String> result : results) {
            System.out.println(result.get());
        }
        pool.shutdownNow();
    }

    private static boolean attempt(String[] probe) {
        try {
            InetAddress address = InetAddress.getByName(probe[1]); // a literal: no DNS
            int port = Integer.parseInt(probe[2]);
            switch (probe[0]) {
                case "tcp":
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(address, port), TIMEOUT_MS);
                        return true;
                    }
                case "udp":
                    try (DatagramSocket socket = new DatagramSocket()) {
                        socket.setSoTimeout(TIMEOUT_MS);
                        byte[] data = "portcullis".getBytes(StandardCharsets.UTF_8);
                        socket.send(new DatagramPacket(data, data.length, address, port));
                        DatagramPacket reply = new DatagramPacket(new byte[64], 64);
                        socket.receive(reply);
                        return true;
                    }
                default:
                    return address.isReachable(TIMEOUT_MS); // ICMP echo when run as root
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (Exception e) {
            return false;
        }
    }
}
