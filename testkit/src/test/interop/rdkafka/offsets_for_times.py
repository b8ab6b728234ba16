"""Asks for the first offset at or after a timestamp in each given partition (ListOffsets by timestamp, through
librdkafka's offsets_for_times), and for each partition's low and high watermarks. Prints one JSON object with the
answers in argument order. Usage: offsets_for_times.py BOOTSTRAP TOPIC PARTITION:TIMESTAMP..."""
import json
import sys

from confluent_kafka import Consumer, TopicPartition


def main(bootstrap, topic, queries):
    consumer = Consumer({'bootstrap.servers': bootstrap, 'group.id': 'offsets-for-times'})
    try:
        wanted = [TopicPartition(topic, partition, timestamp) for partition, timestamp in queries]
        found = consumer.offsets_for_times(wanted, timeout=20)
        watermarks = [list(consumer.get_watermark_offsets(TopicPartition(topic, partition), timeout=20))
                      for partition, _ in queries]
    finally:
        consumer.close()
    by_partition = {tp.partition: tp for tp in found}
    print(json.dumps({
        'offsets': [by_partition[partition].offset for partition, _ in queries],
        'errors': [str(tp.error) for tp in found if tp.error is not None],
        'watermarks': watermarks,
    }))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2], [tuple(int(part) for part in arg.split(':')) for arg in sys.argv[3:]]))
