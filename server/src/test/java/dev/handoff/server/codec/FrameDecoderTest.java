package dev.handoff.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final int MAX = 64;

    @Test
    void emitsAFrameOnlyOnceAllOfItHasArrived() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        ByteBuf whole = frame("hello");
        // When
        channel.writeInbound(whole.readRetainedSlice(3));
        Object afterFirstPart = channel.readInbound();
        channel.writeInbound(whole.readRetainedSlice(whole.readableBytes()));
        whole.release();
        // Then
        assertThat(afterFirstPart).isNull();
        assertThat(readString(channel)).isEqualTo("hello");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void splitsSeveralFramesArrivingTogether() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        ByteBuf both = Unpooled.wrappedBuffer(frame("one"), frame("two"));
        // When
        channel.writeInbound(both);
        // Then
        assertThat(readString(channel)).isEqualTo("one");
        assertThat(readString(channel)).isEqualTo("two");
        assertThat(channel.finish()).isFalse();
    }

    @Test
    void closesTheConnectionOnAnOversizedFrameBeforeItArrives() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        ByteBuf sizeOnly = Unpooled.buffer(4).writeInt(Integer.MAX_VALUE);
        // When
        channel.writeInbound(sizeOnly);
        // Then
        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
        assertThat(sizeOnly.refCnt()).isZero();
    }

    @Test
    void closesTheConnectionOnANegativeSize() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        // When
        channel.writeInbound(Unpooled.buffer(8).writeInt(-1).writeInt(0));
        // Then
        assertThat(channel.isOpen()).isFalse();
        assertThat((Object) channel.readInbound()).isNull();
    }

    @Test
    void acceptsAFrameOfExactlyTheMaximumSize() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new FrameDecoder(MAX));
        String payload = "x".repeat(MAX);
        // When
        channel.writeInbound(frame(payload));
        // Then
        assertThat(readString(channel)).isEqualTo(payload);
        assertThat(channel.isOpen()).isTrue();
        channel.finish();
    }

    private static ByteBuf frame(String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return Unpooled.buffer().writeInt(bytes.length).writeBytes(bytes);
    }

    private static String readString(EmbeddedChannel channel) {
        ByteBuf frame = channel.readInbound();
        try {
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }
}
