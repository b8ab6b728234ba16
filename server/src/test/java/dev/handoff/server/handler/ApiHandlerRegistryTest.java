package dev.handoff.server.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.handoff.server.metadata.ClusterInfo;
import java.util.List;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.protocol.ApiKeys;
import org.junit.jupiter.api.Test;

class ApiHandlerRegistryTest {

    private static final ClusterInfo CLUSTER = new ClusterInfo("c", 1);
    private static final BrokerServices NO_SERVICES = new BrokerServices(CLUSTER, null, null, null, null, true);

    @Test
    void advertisesTheBrokersApisInKeyOrderWithTheFourFourClientRanges() {
        // Given
        ApiHandlerRegistry registry = ApiHandlerRegistry.withApiVersions(CLUSTER, BrokerHandlers.create(NO_SERVICES));
        // When
        List<ApiVersion> advertised = List.copyOf(registry.apiVersions());
        // Then
        assertThat(advertised).extracting(v -> ApiKeys.forId(v.apiKey()), ApiVersion::minVersion,
                ApiVersion::maxVersion).containsExactly(
                tuple(ApiKeys.PRODUCE, (short) 0, (short) 13),
                tuple(ApiKeys.FETCH, (short) 4, (short) 18),
                tuple(ApiKeys.LIST_OFFSETS, (short) 1, (short) 11),
                tuple(ApiKeys.METADATA, (short) 0, (short) 13),
                tuple(ApiKeys.API_VERSIONS, (short) 0, (short) 5),
                tuple(ApiKeys.CREATE_TOPICS, (short) 2, (short) 7),
                tuple(ApiKeys.DELETE_TOPICS, (short) 1, (short) 6),
                tuple(ApiKeys.INIT_PRODUCER_ID, (short) 0, (short) 5),
                tuple(ApiKeys.DESCRIBE_CONFIGS, (short) 1, (short) 4),
                tuple(ApiKeys.CREATE_PARTITIONS, (short) 0, (short) 3),
                tuple(ApiKeys.DESCRIBE_CLUSTER, (short) 0, (short) 2),
                tuple(ApiKeys.DESCRIBE_TOPIC_PARTITIONS, (short) 0, (short) 0));
    }

    @Test
    void acceptsProduceOnlyFromVersionThreeThoughItAdvertisesZero() {
        // Given
        ApiHandlerRegistry registry = ApiHandlerRegistry.withApiVersions(CLUSTER, BrokerHandlers.create(NO_SERVICES));
        // When
        ApiHandler<?, ?> produce = registry.handler(ApiKeys.PRODUCE).orElseThrow();
        // Then
        assertThat(produce.supports((short) 2)).isFalse();
        assertThat(produce.supports((short) 3)).isTrue();
    }

    @Test
    void refusesTwoHandlersForOneApi() {
        // Given
        List<ApiHandler<?, ?>> handlers = List.of(new DescribeClusterHandler(CLUSTER),
                new DescribeClusterHandler(CLUSTER));
        // When / Then
        assertThatThrownBy(() -> new ApiHandlerRegistry(handlers))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("DESCRIBE_CLUSTER");
    }
}
