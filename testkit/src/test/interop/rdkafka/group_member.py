"""One member of a classic consumer group, as librdkafka runs it. It commits each record's offset synchronously
after reading it, and prints one JSON line per event: 'assigned' (its whole assignment after each change),
'record' (a record read and committed) and 'closed' (after a line on standard input made it leave the group).
With GROUP_INSTANCE_ID it is a static member (KIP-345): closing does not leave the group, and a member that
comes back with the same id within the session timeout takes its place without a rebalance.
Usage: group_member.py BOOTSTRAP GROUP TOPIC ASSIGNMENT_STRATEGY [GROUP_INSTANCE_ID]"""
import json
import sys
import threading

from confluent_kafka import Consumer, KafkaException


def emit(event, **fields):
    print(json.dumps(dict(event=event, **fields)), flush=True)


def main(bootstrap, group, topic, strategy, instance_id=None):
    config = {
        'bootstrap.servers': bootstrap,
        'group.id': group,
        'partition.assignment.strategy': strategy,
        'enable.auto.commit': False,
        'auto.offset.reset': 'earliest',
        'session.timeout.ms': 10000,
        'heartbeat.interval.ms': 500,
    }
    if instance_id is not None:
        config['group.instance.id'] = instance_id
    consumer = Consumer(config)
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.readline(), stop.set()), daemon=True).start()
    assignment = set()

    # The eager protocol (range) hands over the whole assignment each time; the cooperative one only the changes.
    def on_assign(_, partitions):
        assignment.update(p.partition for p in partitions)
        emit('assigned', partitions=sorted(assignment))

    def on_revoke(_, partitions):
        assignment.difference_update(p.partition for p in partitions)

    consumer.subscribe([topic], on_assign=on_assign, on_revoke=on_revoke, on_lost=on_revoke)
    while not stop.is_set():
        message = consumer.poll(0.1)
        if message is None:
            continue
        if message.error() is not None:
            raise KafkaException(message.error())
        consumer.commit(message=message, asynchronous=False)
        emit('record', partition=message.partition(), offset=message.offset(), value=message.value().decode())
    consumer.close()
    emit('closed')
    return 0


if __name__ == '__main__':
    sys.exit(main(*sys.argv[1:6]))
