package dev.handoff.bench.reliability;

import dev.handoff.bench.reliability.FrameMutator.Frame;
import dev.handoff.bench.reliability.FrameMutator.Mutation;
import dev.handoff.bench.reliability.RawConnection.Outcome;
import dev.handoff.bench.reliability.RawConnection.Reply;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.message.ApiMessageType;
import org.apache.kafka.common.message.ApiVersionsRequestData;
import org.apache.kafka.common.message.ApiVersionsResponseData;
import org.apache.kafka.common.message.ApiVersionsResponseData.ApiVersion;
import org.apache.kafka.common.message.RequestHeaderData;
import org.apache.kafka.common.message.ResponseHeaderData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.ApiMessage;
import org.apache.kafka.common.protocol.ByteBufferAccessor;
import org.apache.kafka.common.protocol.Message;
import org.apache.kafka.common.protocol.MessageUtil;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The protocol fuzzer (issue 8): for every API the broker announces in ApiVersions, valid requests from
 * {@link RequestCatalogue} at a random supported version, each then mutated by {@link FrameMutator} (or not) and
 * sent over raw sockets by several connections at once. Between rounds it checks that the broker process lives,
 * that a well-behaved Admin and producer on their own connections are still served, and samples the broker's heap.
 * If the broker died it is started again and the restart counted (a failure).
 */
public final class ProtocolFuzzer {

    static final String TOPIC = "fuzz";
    static final String HEALTH_TOPIC = "fuzz-health";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int CONNECT_TIMEOUT_MS = 5000;
    private static final int MAX_PROBLEMS = 20;
    /** A valid request is always answered, if need be after a wait it asked for (a classic join phase). */
    private static final int VALID_ANSWER_TIMEOUT_MS = 15_000;

    /** An API and the versions both the broker and these message classes support. */
    private record Api(ApiKeys key, short minVersion, short maxVersion) {
    }

    private final BrokerUnderTest broker;
    private final FuzzSettings settings;
    private final PrintWriter progress;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong notAwaited = new AtomicLong();
    private final AtomicLong validUnanswered = new AtomicLong();
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());

    public ProtocolFuzzer(BrokerUnderTest broker, FuzzSettings settings, PrintWriter progress) {
        this.broker = broker;
        this.settings = settings;
        this.progress = progress;
    }

    public FuzzTotals run() throws Exception {
        broker.start();
        Uuid topicId = createTopics();
        List<Api> apis = askApiVersions();
        RequestCatalogue catalogue = new RequestCatalogue(TOPIC, topicId);
        int restarts = 0;
        int healthFailures = 0;
        long maxHeap = 0;
        long peakRss = 0;
        ExecutorService workers = Executors.newFixedThreadPool(settings.workers());
        try (KafkaProducer<byte[], byte[]> healthyProducer = new KafkaProducer<>(healthyProducerProps());
             Admin healthyAdmin = Admin.create(adminProps())) {
            int rounds = (settings.requests() + settings.checkEvery() - 1) / settings.checkEvery();
            for (int round = 0; round < rounds; round++) {
                int inRound = Math.min(settings.checkEvery(), settings.requests() - round * settings.checkEvery());
                runRound(workers, catalogue, apis, round, inRound);
                peakRss = Math.max(peakRss, broker.peakRssBytes());
                maxHeap = Math.max(maxHeap, broker.heapUsedBytes().orElse(0L));
                if (!broker.isAlive()) {
                    restarts++;
                    problem("round " + round + ": the broker died; its log ends with:\n" + broker.logTail());
                    broker.start();
                } else if (!healthy(healthyAdmin, healthyProducer, round)) {
                    healthFailures++;
                }
                progress.printf("round %d/%d: %d requests sent, %d answered, %d closed by the broker, heap %d MiB%n",
                        round + 1, rounds, sent.get(), answered.get(), closed.get(), maxHeap >> 20);
                progress.flush();
            }
        } finally {
            workers.shutdownNow();
        }
        return new FuzzTotals(sent.get(), answered.get(), closed.get(), unanswered.get(), notAwaited.get(),
                validUnanswered.get(), restarts, healthFailures, apis.size(), maxHeap, peakRss, problems);
    }

    private void runRound(ExecutorService workers, RequestCatalogue catalogue, List<Api> apis, int round,
                          int requests) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < settings.workers(); w++) {
            int share = requests / settings.workers() + (w < requests % settings.workers() ? 1 : 0);
            Random random = new Random(settings.seed() * 1_000_003L + round * 1009L + w);
            running.add(workers.submit(() -> fuzz(catalogue, apis, random, share)));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
    }

    private Void fuzz(RequestCatalogue catalogue, List<Api> apis, Random random, int requests) throws IOException {
        RawConnection connection = null;
        try {
            for (int i = 0; i < requests; i++) {
                if (connection == null) {
                    connection = connect();
                    if (connection == null) {
                        return null;
                    }
                }
                Api api = apis.get(random.nextInt(apis.size()));
                short version = (short) (api.minVersion() + random.nextInt(api.maxVersion() - api.minVersion() + 1));
                int correlationId = random.nextInt(Integer.MAX_VALUE);
                byte[] header = header(api.key(), version, correlationId);
                byte[] valid = concat(header, body(catalogue, api.key(), version, random));
                Mutation mutation = Mutation.values()[random.nextInt(Mutation.values().length)];
                Frame frame = FrameMutator.mutate(mutation, valid, header.length, random);
                Reply reply = connection.exchange(frame,
                        mutation == Mutation.NONE ? VALID_ANSWER_TIMEOUT_MS : settings.answerTimeoutMs());
                sent.incrementAndGet();
                count(reply, mutation, api, version, correlationId);
                if (reply.outcome() != Outcome.ANSWERED) {
                    connection.close();
                    connection = null;
                }
            }
            return null;
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    private RawConnection connect() {
        String[] hostPort = broker.bootstrapServers().split(":");
        try {
            return new RawConnection(hostPort[0], Integer.parseInt(hostPort[1]), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            problem("cannot connect to the broker: " + e);
            return null;
        }
    }

    private void count(Reply reply, Mutation mutation, Api api, short version, int correlationId) {
        switch (reply.outcome()) {
            case ANSWERED -> {
                answered.incrementAndGet();
                int answeredId = reply.body().remaining() >= 4 ? reply.body().getInt(0) : -1;
                if (mutation == Mutation.NONE && answeredId != correlationId) {
                    problem(api.key() + " v" + version + " was answered with correlation id " + answeredId
                            + " instead of " + correlationId);
                }
            }
            case CLOSED_BY_BROKER -> closed.incrementAndGet();
            case NO_ANSWER -> unanswered.incrementAndGet();
            case NOT_AWAITED -> notAwaited.incrementAndGet();
        }
        if (mutation == Mutation.NONE && reply.outcome() != Outcome.ANSWERED) {
            validUnanswered.incrementAndGet();
            problem("valid " + api.key() + " v" + version + " request: " + reply.outcome());
        }
    }

    private boolean healthy(Admin admin, KafkaProducer<byte[], byte[]> producer, int round) {
        try {
            admin.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            producer.send(new ProducerRecord<>(HEALTH_TOPIC, ("round " + round).getBytes()))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            problem("round " + round + ": the well-behaved client was not served: " + e);
            return false;
        }
    }

    private static byte[] header(ApiKeys key, short version, int correlationId) {
        RequestHeaderData header = new RequestHeaderData().setRequestApiKey(key.id).setRequestApiVersion(version)
                .setCorrelationId(correlationId).setClientId("handoff-fuzzer");
        return bytes(header, key.requestHeaderVersion(version));
    }

    /** The catalogue's request, or the message's defaults when the catalogue's cannot be written at this version. */
    private static byte[] body(RequestCatalogue catalogue, ApiKeys key, short version, Random random) {
        try {
            return bytes(catalogue.request(key, version, random), version);
        } catch (RuntimeException notWritableAtThisVersion) {
            return bytes(ApiMessageType.fromApiKey(key.id).newRequest(), version);
        }
    }

    private static byte[] bytes(Message message, short version) {
        return MessageUtil.byteBufferToArray(MessageUtil.toByteBufferAccessor(message, version).buffer());
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    /** Asks the broker which APIs and versions it serves, with a well-formed ApiVersions v3 on a raw socket. */
    private List<Api> askApiVersions() throws IOException {
        short version = 3;
        byte[] header = header(ApiKeys.API_VERSIONS, version, 1);
        ApiMessage request = new ApiVersionsRequestData().setClientSoftwareName("handoff-fuzzer")
                .setClientSoftwareVersion("1.0");
        byte[] frame = concat(header, bytes(request, version));
        RawConnection connection = connect();
        if (connection == null) {
            throw new IOException("Cannot connect to " + broker.bootstrapServers());
        }
        try (connection) {
            Reply reply = connection.exchange(new Frame(frame, frame.length, frame.length, true), 30_000);
            if (reply.outcome() != Outcome.ANSWERED) {
                throw new IOException("ApiVersions was not answered: " + reply.outcome());
            }
            ByteBufferAccessor accessor = new ByteBufferAccessor(reply.body());
            // ApiVersions responses always use response header v0 (KIP-511).
            new ResponseHeaderData().read(accessor, (short) 0);
            ApiVersionsResponseData response = new ApiVersionsResponseData();
            response.read(accessor, version);
            Map<Short, Api> apis = new TreeMap<>();
            for (ApiVersion announced : response.apiKeys()) {
                if (!ApiKeys.hasId(announced.apiKey())) {
                    continue;
                }
                ApiKeys key = ApiKeys.forId(announced.apiKey());
                short min = (short) Math.max(announced.minVersion(), key.messageType.lowestSupportedVersion());
                short max = (short) Math.min(announced.maxVersion(), key.messageType.highestSupportedVersion(true));
                if (min <= max) {
                    apis.put(key.id, new Api(key, min, max));
                }
            }
            progress.println("Fuzzing " + apis.size() + " APIs: " + apis.values().stream()
                    .map(api -> api.key() + " v" + api.minVersion() + "-" + api.maxVersion()).toList());
            return List.copyOf(apis.values());
        }
    }

    private Uuid createTopics() throws Exception {
        try (Admin admin = Admin.create(adminProps())) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1), new NewTopic(HEALTH_TOPIC, 1, (short) 1)))
                    .all().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return admin.describeTopics(List.of(TOPIC)).allTopicNames().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                    .get(TOPIC).topicId();
        }
    }

    private void problem(String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

    private Properties adminProps() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(TIMEOUT.toMillis()));
        return props;
    }

    private Properties healthyProducerProps() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }
}
