package dev.handoff.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.codec.DecodedRequest;
import dev.handoff.server.codec.Response;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.message.MetadataRequestData;
import org.apache.kafka.common.message.MetadataResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.requests.MetadataRequest;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.Test;

class ResponseOrdererTest {

    @Test
    void holdsAnEarlyResponseUntilEarlierRequestsAreAnswered() {
        // Given
        ResponseOrderer orderer = new ResponseOrderer();
        EmbeddedChannel channel = new EmbeddedChannel(orderer);
        channel.writeInbound(request(0, true), request(1, true), request(2, true));
        // When
        channel.writeAndFlush(response(2));
        channel.writeAndFlush(response(1));
        Object beforeFirst = channel.readOutbound();
        channel.writeAndFlush(response(0));
        // Then
        assertThat(beforeFirst).isNull();
        assertThat(sequences(channel)).containsExactly(0L, 1L, 2L);
        assertThat(orderer.inFlightCount()).isZero();
    }

    @Test
    void doesNotWaitForRequestsThatGetNoResponse() {
        // Given
        ResponseOrderer orderer = new ResponseOrderer();
        EmbeddedChannel channel = new EmbeddedChannel(orderer);
        channel.writeInbound(request(0, false), request(1, true));
        // When
        channel.writeAndFlush(response(1));
        // Then
        assertThat(sequences(channel)).containsExactly(1L);
    }

    @Test
    void stopsReadingWhileTooManyRequestsWaitAndResumesWhenAnswered() {
        // Given
        EmbeddedChannel channel = new EmbeddedChannel(new ResponseOrderer());
        for (long sequence = 0; sequence < ResponseOrderer.MAX_IN_FLIGHT; sequence++) {
            channel.writeInbound(request(sequence, true));
        }
        boolean readingWhenFull = channel.config().isAutoRead();
        // When
        channel.writeAndFlush(response(0));
        // Then
        assertThat(readingWhenFull).isFalse();
        assertThat(channel.config().isAutoRead()).isTrue();
    }

    private static DecodedRequest request(long sequence, boolean expectsResponse) {
        RequestHeader header = new RequestHeader(ApiKeys.METADATA, (short) 12, "client", (int) sequence);
        return new DecodedRequest(sequence, header,
                new MetadataRequest(new MetadataRequestData(), (short) 12), expectsResponse);
    }

    private static Response response(long sequence) {
        return new Response(sequence, new ResponseHeader((int) sequence, (short) 1), (short) 12,
                new MetadataResponseData());
    }

    private static List<Long> sequences(EmbeddedChannel channel) {
        List<Long> result = new ArrayList<>();
        for (Object msg = channel.readOutbound(); msg != null; msg = channel.readOutbound()) {
            result.add(((Response) msg).sequence());
        }
        return result;
    }
}
