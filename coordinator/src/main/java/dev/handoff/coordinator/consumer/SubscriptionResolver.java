package dev.handoff.coordinator.consumer;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.InvalidRegularExpression;

/**
 * Turns members' subscriptions (topic names and an RE2/J regex, spec §10) into the existing topics they consume,
 * against the current {@link TopicsImage}, and hashes those topics' metadata (KIP-1101).
 *
 * <p>Kafka resolves regexes asynchronously and persists the result; Handoff resolves them synchronously against
 * the image it holds (a pure function of regex and image, so nothing needs persisting and replay stays exact).
 * Matches are cached per image.
 */
public final class SubscriptionResolver {

    /** Handoff decision 3: regexes never match internal topics unless they name one literally. */
    private static final String INTERNAL_TOPIC_PREFIX = "__";
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TopicsImage image = TopicsImage.EMPTY;
    private final Map<String, SortedSet<String>> regexMatches = new HashMap<>();

    public TopicsImage image() {
        return image;
    }

    /** Replaces the topic snapshot; regex matches are recomputed lazily. */
    public void setImage(TopicsImage image) {
        this.image = image;
        regexMatches.clear();
    }

    /**
     * Fails for a regex RE2/J cannot compile.
     *
     * @throws InvalidRegularExpression (INVALID_REGULAR_EXPRESSION)
     */
    public static void validateRegex(String regex) {
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new InvalidRegularExpression("SubscribedTopicRegex `" + regex + "` is not a valid regular "
                + "expression: " + e.getMessage());
        }
    }

    /** The names the member subscribes to: its topic names (existing or not) plus the topics its regex matches. */
    public SortedSet<String> topicNames(ConsumerGroupMember member) {
        SortedSet<String> names = new TreeSet<>(member.subscribedTopicNames());
        member.subscribedTopicRegex().ifPresent(regex -> names.addAll(matches(regex)));
        return names;
    }

    /** The ids of the existing topics the member subscribes to. */
    public SortedSet<Uuid> topicIds(ConsumerGroupMember member) {
        SortedSet<Uuid> ids = new TreeSet<>();
        for (String name : topicNames(member)) {
            image.topic(name).ifPresent(topic -> ids.add(topic.id()));
        }
        return ids;
    }

    /** The union of the members' subscribed names. */
    public SortedSet<String> topicNames(Collection<ConsumerGroupMember> members) {
        SortedSet<String> names = new TreeSet<>();
        members.forEach(member -> names.addAll(topicNames(member)));
        return names;
    }

    /**
     * A hash over id, name, partition count and partition racks of the existing topics among {@code names}
     * (KIP-1101): it changes when a subscribed topic is created, deleted, grown or moves racks.
     */
    public long metadataHash(Collection<String> names) {
        long hash = FNV_OFFSET;
        for (String name : new TreeSet<>(names)) {
            Optional<TopicImage> topic = image.topic(name);
            if (topic.isEmpty()) {
                continue;
            }
            StringBuilder canonical = new StringBuilder()
                .append(topic.get().id()).append('/').append(name).append('/').append(topic.get().partitionCount());
            for (int p = 0; p < topic.get().partitionCount(); p++) {
                canonical.append('/').append(String.join(",", new TreeSet<>(topic.get().racks(p))));
            }
            for (byte b : canonical.append('\n').toString().getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * FNV_PRIME;
            }
        }
        return hash;
    }

    /** The number of partitions of the existing topics among {@code names}. */
    public int partitionCount(Collection<String> names) {
        int count = 0;
        for (String name : names) {
            count += image.topic(name).map(TopicImage::partitionCount).orElse(0);
        }
        return count;
    }

    /** The name of a topic id in the image, for responses; empty if the topic is gone. */
    public Optional<String> topicName(Uuid topicId) {
        return image.topic(topicId).map(TopicImage::name);
    }

    private SortedSet<String> matches(String regex) {
        return regexMatches.computeIfAbsent(regex, r -> {
            SortedSet<String> matched = new TreeSet<>();
            Pattern pattern;
            try {
                pattern = Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                // Only validated regexes are stored; one that no longer compiles matches nothing.
                return matched;
            }
            for (String name : image.names()) {
                boolean internal = name.startsWith(INTERNAL_TOPIC_PREFIX);
                if (internal ? r.equals(name) : pattern.matcher(name).matches()) {
                    matched.add(name);
                }
            }
            return matched;
        });
    }
}
