package dev.handoff.testkit;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;

/** Every field of a record a consumer can see, comparable by value (byte arrays as Base64, null kept). */
record Row(String topic, int partition, long offset, long timestamp, TimestampType timestampType, String key,
           String value, List<String> headers) {

    static Row sent(ProducerRecord<byte[], byte[]> record, RecordMetadata metadata) {
        return new Row(metadata.topic(), metadata.partition(), metadata.offset(), record.timestamp(),
                TimestampType.CREATE_TIME, encode(record.key()), encode(record.value()), headers(record.headers()));
    }

    static Row consumed(ConsumerRecord<byte[], byte[]> record) {
        return new Row(record.topic(), record.partition(), record.offset(), record.timestamp(), record.timestampType(),
                encode(record.key()), encode(record.value()), headers(record.headers()));
    }

    static List<Row> consumed(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(Row::consumed).toList();
    }

    private static List<String> headers(Headers headers) {
        List<String> result = new ArrayList<>();
        for (Header header : headers) {
            result.add(header.key() + "=" + encode(header.value()));
        }
        return result;
    }

    private static String encode(byte[] bytes) {
        return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
    }
}
