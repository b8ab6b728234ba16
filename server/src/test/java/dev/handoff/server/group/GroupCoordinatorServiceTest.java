package dev.handoff.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.FindCoordinatorResponseData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetCommitResponseData;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.OffsetFetchResponseData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.requests.FindCoordinatorRequest.CoordinatorType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coordinator service over the real log: persistence in __consumer_offsets and the handlers' topic checks. */
class GroupCoordinatorServiceTest {

    private static final short BY_NAME = 9;
    private static final short BY_ID = 10;

    @TempDir
    Path dir;

    @Test
    void committedOffsetsSurviveARestartOfTheCoordinator() {
        // Given
        Uuid id;
        try (GroupFixture broker = new GroupFixture(dir)) {
            broker.createTopic("t", 2);
            id = broker.topics.topic("t").orElseThrow().topicId();
            broker.call(ApiKeys.OFFSET_COMMIT, BY_NAME, commit("t", Uuid.ZERO_UUID, 1, 42));
        }

        // When
        OffsetFetchResponseData fetched;
        try (GroupFixture restarted = new GroupFixture(dir)) {
            fetched = restarted.call(ApiKeys.OFFSET_FETCH, BY_ID, new OffsetFetchRequestData().setGroups(List.of(
                    new OffsetFetchRequestGroup().setGroupId("g").setTopics(List.of(new OffsetFetchRequestTopics()
                            .setTopicId(id)
                            .setPartitionIndexes(List.of(1)))))));
        }

        // Then
        assertThat(fetched.groups()).singleElement().satisfies(group -> assertThat(group.topics()).singleElement()
                .satisfies(topic -> {
                    assertThat(topic.topicId()).isEqualTo(id);
                    assertThat(topic.partitions()).singleElement()
                            .satisfies(partition -> assertThat(partition.committedOffset()).isEqualTo(42));
                }));
    }

    @Test
    void theInternalTopicIsCreatedOnTheFirstWriteOnly() {
        try (GroupFixture broker = new GroupFixture(dir)) {
            // Given
            broker.createTopic("t", 1);
            boolean existedBefore = broker.topics.topic(OffsetsTopicLog.TOPIC).isPresent();

            // When
            broker.call(ApiKeys.OFFSET_COMMIT, BY_NAME, commit("t", Uuid.ZERO_UUID, 0, 1));

            // Then
            assertThat(existedBefore).isFalse();
            assertThat(broker.topics.topic(OffsetsTopicLog.TOPIC)).hasValueSatisfying(topic -> {
                assertThat(topic.internal()).isTrue();
                assertThat(topic.configs()).containsEntry("cleanup.policy", "compact");
            });
        }
    }

    @Test
    void commitsForUnknownTopicsOrTopicIdsAreRejectedPerPartition() {
        try (GroupFixture broker = new GroupFixture(dir)) {
            // Given
            broker.createTopic("t", 1);

            // When
            OffsetCommitResponseData byName = broker.call(ApiKeys.OFFSET_COMMIT, BY_NAME,
                    commit("missing", Uuid.ZERO_UUID, 0, 1));
            OffsetCommitResponseData beyondPartitions = broker.call(ApiKeys.OFFSET_COMMIT, BY_NAME,
                    commit("t", Uuid.ZERO_UUID, 5, 1));
            OffsetCommitResponseData byId = broker.call(ApiKeys.OFFSET_COMMIT, BY_ID,
                    commit("", Uuid.randomUuid(), 0, 1));

            // Then
            assertThat(errorOf(byName)).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
            assertThat(errorOf(beyondPartitions)).isEqualTo(Errors.UNKNOWN_TOPIC_OR_PARTITION);
            assertThat(errorOf(byId)).isEqualTo(Errors.UNKNOWN_TOPIC_ID);
            assertThat(broker.topics.topic(OffsetsTopicLog.TOPIC)).isEmpty();
        }
    }

    @Test
    void findCoordinatorAnswersThisNodeForGroupsAndRefusesTransactions() {
        try (GroupFixture broker = new GroupFixture(dir)) {
            // When
            FindCoordinatorResponseData groups = broker.call(ApiKeys.FIND_COORDINATOR, (short) 6,
                    new FindCoordinatorRequestData().setCoordinatorKeys(List.of("a", "b")));
            FindCoordinatorResponseData transactions = broker.call(ApiKeys.FIND_COORDINATOR, (short) 6,
                    new FindCoordinatorRequestData().setKeyType(CoordinatorType.TRANSACTION.id())
                            .setCoordinatorKeys(List.of("tx")));

            // Then
            assertThat(groups.coordinators()).extracting(c -> c.key() + "@" + c.host() + ":" + c.port())
                    .containsExactly("a@127.0.0.1:9092", "b@127.0.0.1:9092");
            assertThat(transactions.coordinators()).singleElement().satisfies(c ->
                    assertThat(c.errorCode()).isEqualTo(Errors.TRANSACTIONAL_ID_AUTHORIZATION_FAILED.code()));
        }
    }

    private static OffsetCommitRequestData commit(String topic, Uuid id, int partition, long offset) {
        return new OffsetCommitRequestData()
                .setGroupId("g")
                .setTopics(List.of(new OffsetCommitRequestTopic()
                        .setName(topic)
                        .setTopicId(id)
                        .setPartitions(List.of(new OffsetCommitRequestPartition()
                                .setPartitionIndex(partition)
                                .setCommittedOffset(offset)))));
    }

    private static Errors errorOf(OffsetCommitResponseData response) {
        return Errors.forCode(response.topics().get(0).partitions().get(0).errorCode());
    }
}
