"""Produces numbered records with librdkafka's idempotent producer (acks=all) and prints one JSON line per
delivery report, then a summary line. With PAUSE_MS it pauses that long after every 100 records, so that it is
still sending when the test restarts the broker.
Usage: idempotent_producer.py BOOTSTRAP TOPIC PARTITIONS COUNT [PAUSE_MS]"""
import json
import sys
import time

from confluent_kafka import Producer


def main(bootstrap, topic, partitions, count, pause_ms):
    producer = Producer({
        'bootstrap.servers': bootstrap,
        'enable.idempotence': True,
        'acks': 'all',
        'linger.ms': 5,
        'batch.num.messages': 50,
    })
    failures = []

    def on_delivery(error, message):
        if error is not None:
            failures.append(str(error))
            return
        print(json.dumps({'event': 'delivered', 'partition': message.partition(), 'offset': message.offset(),
                          'value': message.value().decode()}))

    for i in range(count):
        producer.produce(topic, value=str(i).encode(), key=str(i).encode(), partition=i % partitions,
                         on_delivery=on_delivery)
        producer.poll(0)
        if pause_ms and i % 100 == 99:
            time.sleep(pause_ms / 1000)
    remaining = producer.flush(30)
    print(json.dumps({'event': 'done', 'undelivered': remaining, 'failures': failures}))
    return 0 if remaining == 0 and not failures else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]),
                  int(sys.argv[5]) if len(sys.argv) > 5 else 0))
