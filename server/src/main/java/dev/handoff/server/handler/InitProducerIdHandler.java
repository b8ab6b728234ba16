package dev.handoff.server.handler;

import dev.handoff.server.metadata.ProducerIdAllocator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.common.message.InitProducerIdRequestData;
import org.apache.kafka.common.message.InitProducerIdResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.RecordBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * InitProducerId v0-5 for idempotent producers: a fresh producer id, never reused across restarts, at epoch 0.
 * (v6 is unstable in kafka-clients 4.4 and never sent.)
 *
 * <p>Transactions are not supported. A request with a transactional id is answered with
 * TRANSACTIONAL_ID_AUTHORIZATION_FAILED: the 4.4 producer treats it as fatal at once and raises
 * {@code TransactionalIdAuthorizationException} naming the id, instead of retrying a coordinator error forever;
 * the broker logs why.
 */
final class InitProducerIdHandler implements ApiHandler<InitProducerIdRequestData, InitProducerIdResponseData> {

    private static final Logger LOGGER = LoggerFactory.getLogger(InitProducerIdHandler.class);

    private final ProducerIdAllocator producerIds;

    InitProducerIdHandler(ProducerIdAllocator producerIds) {
        this.producerIds = producerIds;
    }

    @Override
    public ApiKeys apiKey() {
        return ApiKeys.INIT_PRODUCER_ID;
    }

    @Override
    public short minVersion() {
        return 0;
    }

    @Override
    public short maxVersion() {
        return 5;
    }

    @Override
    public CompletionStage<InitProducerIdResponseData> handle(RequestContext context,
                                                              InitProducerIdRequestData request) {
        InitProducerIdResponseData response = new InitProducerIdResponseData();
        if (request.transactionalId() != null) {
            LOGGER.warn("Client {} asked for transactional id {}: transactions are not supported by this broker",
                    context.header().clientId(), request.transactionalId());
            return CompletableFuture.completedFuture(
                    response.setErrorCode(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code()));
        }
        boolean noProducerId = request.producerId() == RecordBatch.NO_PRODUCER_ID;
        boolean noEpoch = request.producerEpoch() == RecordBatch.NO_PRODUCER_EPOCH;
        if (noProducerId != noEpoch) {
            // KIP-360: an existing producer must send both its id and epoch, a new one neither.
            return CompletableFuture.completedFuture(response.setErrorCode(Errors.INVALID_REQUEST.code()));
        }
        // Without transactions there is no state to fence, so an existing producer simply gets a new id.
        return CompletableFuture.completedFuture(response
                .setProducerId(producerIds.nextProducerId())
                .setProducerEpoch((short) 0));
    }
}
