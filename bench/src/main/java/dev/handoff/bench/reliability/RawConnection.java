package dev.handoff.bench.reliability;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;

/** A plain socket to the broker that sends frames exactly as given and reads size-prefixed responses. */
final class RawConnection implements AutoCloseable {

    /** What became of a request. */
    enum Outcome { ANSWERED, CLOSED_BY_BROKER, NO_ANSWER, NOT_AWAITED }

    /** An outcome, with the response body (after the size field) when answered. */
    record Reply(Outcome outcome, ByteBuffer body) {

        static Reply of(Outcome outcome) {
            return new Reply(outcome, ByteBuffer.allocate(0));
        }
    }

    /** Responses larger than this are not expected from the fuzz requests; reading one means a lying broker. */
    private static final int MAX_RESPONSE_BYTES = 64 << 20;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawConnection(String host, int port, int connectTimeoutMs) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(host, port), connectTimeoutMs);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends the frame and, if the frame asks for it, reads one response. */
    Reply exchange(FrameMutator.Frame frame, int answerTimeoutMs) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4 + frame.sendBytes());
        buffer.putInt(frame.declaredSize()).put(frame.bytes(), 0, frame.sendBytes());
        try {
            out.write(buffer.array());
            out.flush();
        } catch (IOException e) {
            return Reply.of(Outcome.CLOSED_BY_BROKER);
        }
        if (!frame.awaitAnswer()) {
            return Reply.of(Outcome.NOT_AWAITED);
        }
        socket.setSoTimeout(answerTimeoutMs);
        try {
            int size = in.readInt();
            if (size < 0 || size > MAX_RESPONSE_BYTES) {
                throw new IllegalStateException("The broker sent a response size of " + size);
            }
            byte[] body = new byte[size];
            in.readFully(body);
            return new Reply(Outcome.ANSWERED, ByteBuffer.wrap(body));
        } catch (SocketTimeoutException e) {
            return Reply.of(Outcome.NO_ANSWER);
        } catch (EOFException e) {
            return Reply.of(Outcome.CLOSED_BY_BROKER);
        } catch (IOException e) {
            return Reply.of(Outcome.CLOSED_BY_BROKER);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing a socket the broker may already have reset: nothing to do.
        }
    }
}
