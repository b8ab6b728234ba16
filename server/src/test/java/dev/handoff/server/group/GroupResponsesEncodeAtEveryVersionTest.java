package dev.handoff.server.group;

import static org.assertj.core.api.Assertions.assertThat;

import dev.handoff.server.handler.ApiHandler;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ConsumerGroupDescribeRequestData;
import org.apache.kafka.common.message.ConsumerGroupHeartbeatRequestData;
import org.apache.kafka.common.message.DeleteGroupsRequestData;
import org.apache.kafka.common.message.DescribeGroupsRequestData;
import org.apache.kafka.common.message.FindCoordinatorRequestData;
import org.apache.kafka.common.message.HeartbeatRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocol;
import org.apache.kafka.common.message.JoinGroupRequestData.JoinGroupRequestProtocolCollection;
import org.apache.kafka.common.message.JoinGroupResponseData;
import org.apache.kafka.common.message.LeaveGroupRequestData;
import org.apache.kafka.common.message.LeaveGroupRequestData.MemberIdentity;
import org.apache.kafka.common.message.ListGroupsRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestPartition;
import org.apache.kafka.common.message.OffsetCommitRequestData.OffsetCommitRequestTopic;
import org.apache.kafka.common.message.OffsetDeleteRequestData;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestPartition;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopic;
import org.apache.kafka.common.message.OffsetDeleteRequestData.OffsetDeleteRequestTopicCollection;
import org.apache.kafka.common.message.OffsetFetchRequestData;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestGroup;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopic;
import org.apache.kafka.common.message.OffsetFetchRequestData.OffsetFetchRequestTopics;
import org.apache.kafka.common.message.SyncGroupRequestData;
import org.apache.kafka.common.message.SyncGroupRequestData.SyncGroupRequestAssignment;
import org.apache.kafka.common.network.Send;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.protocol.SendBuilder;
import org.apache.kafka.common.requests.ResponseHeader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every group handler, at every version it accepts, answers a realistic request (a group with a member, committed
 * offsets) with a response kafka-clients can serialise at that version: a field set outside its versions would
 * otherwise only show as a closed connection for older clients.
 */
class GroupResponsesEncodeAtEveryVersionTest {

    private static final short JOIN_WITHOUT_MEMBER_ID_DANCE = 3;
    private static final short COMMIT_BY_NAME = 9;

    @TempDir
    Path dir;

    static List<Arguments> accepted() {
        List<Arguments> result = new ArrayList<>();
        for (ApiHandler<?, ?> handler : GroupFixture.handlerList()) {
            for (short v = handler.minVersion(); v <= handler.maxVersion(); v++) {
                result.add(Arguments.of(handler.apiKey(), v));
            }
        }
        return result;
    }

    @ParameterizedTest(name = "{0} v{1}")
    @MethodSource("accepted")
    void answersWithAResponseThatSerialisesAtTheRequestVersion(ApiKeys apiKey, short version) {
        try (GroupFixture broker = new GroupFixture(dir)) {
            // Given
            broker.createTopic("t", 2);
            Uuid id = broker.topics.topic("t").orElseThrow().topicId();
            JoinGroupResponseData joined = broker.call(ApiKeys.JOIN_GROUP, JOIN_WITHOUT_MEMBER_ID_DANCE,
                    asReceived(join("classic", ""), JOIN_WITHOUT_MEMBER_ID_DANCE));
            broker.call(ApiKeys.OFFSET_COMMIT, COMMIT_BY_NAME, asReceived(commit("simple", id), COMMIT_BY_NAME));
            ApiMessage request = asReceived(requestFor(apiKey, version, id, joined), version);

            // When
            ApiMessage response = broker.call(apiKey, version, request);

            // Then
            Send send = SendBuilder.buildResponseSend(new ResponseHeader(1, (short) 0), response, version);
            assertThat(send.size()).isPositive();
        }
    }

    /** What the broker would have parsed: fields the version lacks are dropped or defaulted. */
    private static ApiMessage asReceived(ApiMessage request, short version) {
        ByteBuffer buffer = MessageUtil.toByteBufferAccessor(request, version).buffer();
        ApiMessage parsed = ApiMessageType.fromApiKey(request.apiKey()).newRequest();
        parsed.read(new ByteBufferAccessor(buffer), version);
        return parsed;
    }

    private static ApiMessage requestFor(ApiKeys apiKey, short version, Uuid id, JoinGroupResponseData joined) {
        return switch (apiKey) {
            case FIND_COORDINATOR -> version < 4
                    ? new FindCoordinatorRequestData().setKey("classic")
                    : new FindCoordinatorRequestData().setCoordinatorKeys(List.of("classic", "simple"));
            case JOIN_GROUP -> join("classic", joined.memberId());
            case SYNC_GROUP -> new SyncGroupRequestData()
                    .setGroupId("classic")
                    .setGenerationId(joined.generationId())
                    .setMemberId(joined.memberId())
                    .setProtocolType("consumer")
                    .setProtocolName("range")
                    .setAssignments(List.of(new SyncGroupRequestAssignment()
                            .setMemberId(joined.memberId())
                            .setAssignment(new byte[] {0, 3, 0, 0, 0, 0, -1, -1, -1, -1})));
            case HEARTBEAT -> new HeartbeatRequestData()
                    .setGroupId("classic")
                    .setGenerationId(joined.generationId())
                    .setMemberId(joined.memberId());
            case LEAVE_GROUP -> version < 3
                    ? new LeaveGroupRequestData().setGroupId("classic").setMemberId(joined.memberId())
                    : new LeaveGroupRequestData().setGroupId("classic")
                            .setMembers(List.of(new MemberIdentity().setMemberId(joined.memberId()),
                                    new MemberIdentity().setMemberId("unknown")));
            case OFFSET_COMMIT -> commit("simple", id);
            case OFFSET_FETCH -> fetch(version, id);
            case OFFSET_DELETE -> new OffsetDeleteRequestData().setGroupId("simple")
                    .setTopics(new OffsetDeleteRequestTopicCollection(List.of(new OffsetDeleteRequestTopic()
                            .setName("t")
                            .setPartitions(List.of(new OffsetDeleteRequestPartition().setPartitionIndex(0))))
                            .iterator()));
            case LIST_GROUPS -> new ListGroupsRequestData();
            case DESCRIBE_GROUPS -> new DescribeGroupsRequestData()
                    .setGroups(List.of("classic", "simple", "unknown"))
                    .setIncludeAuthorizedOperations(version >= 3);
            case DELETE_GROUPS -> new DeleteGroupsRequestData().setGroupsNames(List.of("simple", "unknown"));
            case CONSUMER_GROUP_HEARTBEAT -> new ConsumerGroupHeartbeatRequestData()
                    .setGroupId("modern")
                    .setMemberId(version == 0 ? "" : Uuid.randomUuid().toString())
                    .setMemberEpoch(0)
                    .setRebalanceTimeoutMs(30_000)
                    .setSubscribedTopicNames(List.of("t"))
                    .setTopicPartitions(List.of());
            case CONSUMER_GROUP_DESCRIBE -> new ConsumerGroupDescribeRequestData()
                    .setGroupIds(List.of("modern", "classic", "unknown"))
                    .setIncludeAuthorizedOperations(true);
            default -> throw new IllegalArgumentException("No request for " + apiKey);
        };
    }

    private static JoinGroupRequestData join(String groupId, String memberId) {
        JoinGroupRequestProtocolCollection protocols = new JoinGroupRequestProtocolCollection();
        protocols.add(new JoinGroupRequestProtocol().setName("range").setMetadata(new byte[] {0, 3}));
        return new JoinGroupRequestData()
                .setGroupId(groupId)
                .setMemberId(memberId)
                .setSessionTimeoutMs(10_000)
                .setRebalanceTimeoutMs(10_000)
                .setProtocolType("consumer")
                .setProtocols(protocols);
    }

    private static OffsetCommitRequestData commit(String groupId, Uuid id) {
        return new OffsetCommitRequestData()
                .setGroupId(groupId)
                .setTopics(List.of(new OffsetCommitRequestTopic()
                        .setName("t")
                        .setTopicId(id)
                        .setPartitions(List.of(new OffsetCommitRequestPartition()
                                .setPartitionIndex(0)
                                .setCommittedOffset(5)
                                .setCommittedMetadata("")))));
    }

    private static OffsetFetchRequestData fetch(short version, Uuid id) {
        if (version < 8) {
            return new OffsetFetchRequestData().setGroupId("simple").setTopics(List.of(new OffsetFetchRequestTopic()
                    .setName("t")
                    .setPartitionIndexes(List.of(0, 1))));
        }
        return new OffsetFetchRequestData().setGroups(List.of(
                new OffsetFetchRequestGroup().setGroupId("simple").setTopics(List.of(new OffsetFetchRequestTopics()
                        .setName("t")
                        .setTopicId(id)
                        .setPartitionIndexes(List.of(0, 1)))),
                new OffsetFetchRequestGroup().setGroupId("classic").setTopics(null)));
    }
}
