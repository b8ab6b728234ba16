// Command sarama-interop runs sarama scenarios for SaramaIT: sarama-interop <scenario> <bootstrap> [args...]
// Every line on stdout is one JSON event. Long-running scenarios (member) stop when a line "stop" arrives on
// stdin or stdin closes.
//
// Built in GOPATH mode against Debian's golang-github-shopify-sarama-dev (sarama 1.22.1), which has no
// ApiVersions negotiation: the request versions follow config.Version alone.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/Shopify/sarama"
)

var out = json.NewEncoder(os.Stdout)
var outLock sync.Mutex

func emit(event map[string]interface{}) {
	outLock.Lock()
	defer outLock.Unlock()
	if err := out.Encode(event); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}

// config is sarama's default with Kafka version 2.1 (SARAMA_KAFKA_VERSION overrides it): sarama's own default,
// 0.8.2, sends versions Kafka 4 no longer serves (KIP-896), such as Produce v0 and Fetch v0.
func config() *sarama.Config {
	c := sarama.NewConfig()
	c.ClientID = "handoff-interop-sarama"
	c.Version = sarama.V2_1_0_0
	if v := os.Getenv("SARAMA_KAFKA_VERSION"); v != "" {
		version, err := sarama.ParseKafkaVersion(v)
		if err != nil {
			fail(err)
		}
		c.Version = version
	}
	c.Metadata.Retry.Backoff = 100 * time.Millisecond
	return c
}

func main() {
	if len(os.Args) < 3 {
		fail(fmt.Errorf("usage: sarama-interop <scenario> <bootstrap> [args...]"))
	}
	scenario, brokers, args := os.Args[1], []string{os.Args[2]}, os.Args[3:]
	if os.Getenv("SARAMA_LOG") != "" {
		sarama.Logger = log.New(os.Stderr, "[sarama] ", log.Ltime|log.Lmicroseconds)
	}
	var err error
	switch scenario {
	case "admin":
		err = admin(brokers, args[0], args[1])
	case "produce":
		err = produce(brokers, args[0], args[1], args[2], len(args) > 3 && args[3] == "idempotent")
	case "consume":
		err = consume(brokers, args[0], args[1])
	case "member":
		err = member(brokers, args[0], args[1])
	case "groups":
		err = groups(brokers, args[0], args[1])
	default:
		err = fmt.Errorf("unknown scenario %s", scenario)
	}
	if err != nil {
		if errs, ok := err.(sarama.ProducerErrors); ok {
			for _, e := range errs {
				fmt.Fprintf(os.Stderr, "partition %d: %v\n", e.Msg.Partition, e.Err)
			}
		}
		fail(err)
	}
}

func admin(brokers []string, topic string, deletedTopic string) error {
	admin, err := sarama.NewClusterAdmin(brokers, config())
	if err != nil {
		return err
	}
	defer admin.Close()
	for name, partitions := range map[string]int32{topic: 3, deletedTopic: 2} {
		if err := admin.CreateTopic(name, &sarama.TopicDetail{NumPartitions: partitions, ReplicationFactor: 1}, false); err != nil {
			return fmt.Errorf("create %s: %w", name, err)
		}
	}
	createdAgain := admin.CreateTopic(topic, &sarama.TopicDetail{NumPartitions: 3, ReplicationFactor: 1}, false)
	brokerList, controller, err := admin.DescribeCluster()
	if err != nil {
		return fmt.Errorf("describe cluster: %w", err)
	}
	metadata, err := admin.DescribeTopics([]string{topic})
	if err != nil {
		return fmt.Errorf("describe topics: %w", err)
	}
	var partitions []map[string]interface{}
	for _, p := range metadata[0].Partitions {
		partitions = append(partitions, map[string]interface{}{"partition": p.ID, "leader": p.Leader, "replicas": p.Replicas})
	}
	sort.Slice(partitions, func(i, j int) bool { return partitions[i]["partition"].(int32) < partitions[j]["partition"].(int32) })
	if err := admin.CreatePartitions(deletedTopic, 4, nil, false); err != nil {
		return fmt.Errorf("create partitions of %s: %w", deletedTopic, err)
	}
	grown, err := admin.DescribeTopics([]string{deletedTopic})
	if err != nil {
		return fmt.Errorf("describe topics: %w", err)
	}
	if err := admin.DeleteTopic(deletedTopic); err != nil {
		return fmt.Errorf("delete %s: %w", deletedTopic, err)
	}
	var brokerIds []int32
	for _, b := range brokerList {
		brokerIds = append(brokerIds, b.ID())
	}
	emit(map[string]interface{}{
		"event":        "admin",
		"createdAgain": errorText(createdAgain),
		"brokers":      brokerIds,
		"controller":   controller,
		"topicError":   errorText(metadata[0].Err),
		"partitions":   partitions,
		"grown":        len(grown[0].Partitions),
	})
	return nil
}

// groups describes a consumer group through ClusterAdmin: ListGroups, DescribeGroups and OffsetFetch.
func groups(brokers []string, group string, topic string) error {
	admin, err := sarama.NewClusterAdmin(brokers, config())
	if err != nil {
		return err
	}
	defer admin.Close()
	listed, err := admin.ListConsumerGroups()
	if err != nil {
		return fmt.Errorf("list groups: %w", err)
	}
	described, err := admin.DescribeConsumerGroups([]string{group})
	if err != nil {
		return fmt.Errorf("describe group: %w", err)
	}
	offsets, err := admin.ListConsumerGroupOffsets(group, map[string][]int32{topic: {0, 1, 2, 3}})
	if err != nil {
		return fmt.Errorf("list group offsets: %w", err)
	}
	committed := map[string]int64{}
	for partition, block := range offsets.Blocks[topic] {
		committed[strconv.Itoa(int(partition))] = block.Offset
	}
	emit(map[string]interface{}{
		"event":        "groups",
		"protocolType": listed[group],
		"state":        described[0].State,
		"committed":    committed,
	})
	return nil
}

func errorText(err error) string {
	if err == nil || err == sarama.ErrNoError {
		return ""
	}
	return err.Error()
}

var codecs = map[string]sarama.CompressionCodec{
	"none":   sarama.CompressionNone,
	"gzip":   sarama.CompressionGZIP,
	"snappy": sarama.CompressionSnappy,
	"lz4":    sarama.CompressionLZ4,
	"zstd":   sarama.CompressionZSTD,
}

// produce sends <count> messages with keys and headers, explicitly partitioned over 3 partitions, through a
// SyncProducer with the given codec (none, gzip, snappy, lz4, zstd).
func produce(brokers []string, topic string, codec string, count string, idempotent bool) error {
	c := config()
	c.Producer.Return.Successes = true
	c.Producer.RequiredAcks = sarama.WaitForAll
	c.Producer.Partitioner = sarama.NewManualPartitioner
	compression, known := codecs[codec]
	if !known {
		return fmt.Errorf("unknown codec %s", codec)
	}
	c.Producer.Compression = compression
	if idempotent {
		c.Producer.Idempotent = true
		c.Net.MaxOpenRequests = 1
	}
	producer, err := sarama.NewSyncProducer(brokers, c)
	if err != nil {
		return err
	}
	defer producer.Close()
	n, err := strconv.Atoi(count)
	if err != nil {
		return err
	}
	timestamp := time.Now().Add(-time.Minute).Truncate(time.Millisecond)
	var messages []*sarama.ProducerMessage
	for i := 0; i < n; i++ {
		message := &sarama.ProducerMessage{
			Topic:     topic,
			Partition: int32(i % 3),
			Key:       sarama.StringEncoder(fmt.Sprintf("key-%d", i)),
			Headers: []sarama.RecordHeader{
				{Key: []byte("seq"), Value: []byte(strconv.Itoa(i))},
				{Key: []byte("client"), Value: []byte("sarama")},
			},
			Timestamp: timestamp.Add(time.Duration(i) * time.Millisecond),
		}
		if i%10 != 9 {
			message.Value = sarama.StringEncoder(fmt.Sprintf("value-%d-%s", i, strings.Repeat("x", i%50)))
		}
		messages = append(messages, message)
	}
	// Two batches, so an idempotent producer's sequence numbers continue across requests.
	half := (n + 1) / 2
	for _, chunk := range [][]*sarama.ProducerMessage{messages[:half], messages[half:]} {
		if err := producer.SendMessages(chunk); err != nil {
			return err
		}
	}
	for i, m := range messages {
		event := map[string]interface{}{
			"event":     "sent",
			"partition": m.Partition,
			"offset":    m.Offset,
			"key":       fmt.Sprintf("key-%d", i),
			"value":     nil,
			"headers":   map[string]string{"seq": strconv.Itoa(i), "client": "sarama"},
			"timestamp": m.Timestamp.UnixNano() / int64(time.Millisecond),
		}
		if m.Value != nil {
			event["value"] = string(m.Value.(sarama.StringEncoder))
		}
		emit(event)
	}
	return nil
}

func record(m *sarama.ConsumerMessage) map[string]interface{} {
	headers := map[string]interface{}{}
	for _, h := range m.Headers {
		if h.Value == nil {
			headers[string(h.Key)] = nil
		} else {
			headers[string(h.Key)] = string(h.Value)
		}
	}
	event := map[string]interface{}{
		"event":     "record",
		"topic":     m.Topic,
		"partition": m.Partition,
		"offset":    m.Offset,
		"key":       nil,
		"value":     nil,
		"headers":   headers,
		"timestamp": m.Timestamp.UnixNano() / int64(time.Millisecond),
	}
	if m.Key != nil {
		event["key"] = string(m.Key)
	}
	if m.Value != nil {
		event["value"] = string(m.Value)
	}
	return event
}

// consume reads <count> records from the beginning of every partition of a topic with partition consumers.
func consume(brokers []string, topic string, count string) error {
	n, err := strconv.Atoi(count)
	if err != nil {
		return err
	}
	consumer, err := sarama.NewConsumer(brokers, config())
	if err != nil {
		return err
	}
	defer consumer.Close()
	partitions, err := consumer.Partitions(topic)
	if err != nil {
		return err
	}
	messages := make(chan *sarama.ConsumerMessage)
	for _, p := range partitions {
		pc, err := consumer.ConsumePartition(topic, p, sarama.OffsetOldest)
		if err != nil {
			return err
		}
		defer pc.Close()
		go func(pc sarama.PartitionConsumer) {
			for m := range pc.Messages() {
				messages <- m
			}
		}(pc)
	}
	for i := 0; i < n; i++ {
		select {
		case m := <-messages:
			emit(record(m))
		case <-time.After(30 * time.Second):
			return fmt.Errorf("only %d of %d records arrived", i, n)
		}
	}
	return nil
}

// groupHandler reports each assignment and record; sarama commits the marked offsets every second and on close.
type groupHandler struct{ topic string }

func (h groupHandler) Setup(session sarama.ConsumerGroupSession) error {
	partitions := append([]int32{}, session.Claims()[h.topic]...)
	sort.Slice(partitions, func(i, j int) bool { return partitions[i] < partitions[j] })
	emit(map[string]interface{}{"event": "assigned", "memberId": session.MemberID(), "partitions": partitions})
	return nil
}

func (h groupHandler) Cleanup(sarama.ConsumerGroupSession) error { return nil }

func (h groupHandler) ConsumeClaim(session sarama.ConsumerGroupSession, claim sarama.ConsumerGroupClaim) error {
	for m := range claim.Messages() {
		emit(record(m))
		session.MarkMessage(m, "")
	}
	return nil
}

func member(brokers []string, topic string, groupID string) error {
	c := config()
	c.Consumer.Offsets.Initial = sarama.OffsetOldest
	c.Consumer.Offsets.CommitInterval = 200 * time.Millisecond
	// A retention makes sarama commit with OffsetCommit v2; without one it sends v1, which Kafka 4 no longer
	// serves (KIP-896).
	c.Consumer.Offsets.Retention = 24 * time.Hour
	c.Consumer.Group.Heartbeat.Interval = 500 * time.Millisecond
	c.Consumer.Group.Rebalance.Timeout = 10 * time.Second
	c.Consumer.Return.Errors = true
	group, err := sarama.NewConsumerGroup(brokers, groupID, c)
	if err != nil {
		return err
	}
	go func() {
		for err := range group.Errors() {
			fmt.Fprintln(os.Stderr, "group error:", err)
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		for ctx.Err() == nil {
			if err := group.Consume(ctx, []string{topic}, groupHandler{topic}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	stdin := bufio.NewScanner(os.Stdin)
	for stdin.Scan() && strings.TrimSpace(stdin.Text()) != "stop" {
	}
	cancel()
	if err := <-done; err != nil {
		return err
	}
	return group.Close()
}
