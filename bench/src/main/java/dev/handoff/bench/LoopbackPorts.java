package dev.handoff.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Picks ports for brokers that must be told their listeners before they start. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /** A port that was free on 127.0.0.1 a moment ago; the kernel hands out ephemeral ports round-robin. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port on the loopback interface", e);
        }
    }
}
