"""One confluent-kafka AdminClient operation on topics; prints its outcome as one JSON object, with the Kafka
error name where the broker refused. Usage:
  admin_topics.py BOOTSTRAP create TOPIC PARTITIONS [NAME=VALUE...]
  admin_topics.py BOOTSTRAP create-partitions TOPIC TOTAL
  admin_topics.py BOOTSTRAP describe-configs TOPIC
  admin_topics.py BOOTSTRAP list
  admin_topics.py BOOTSTRAP delete TOPIC"""
import json
import sys

from confluent_kafka import KafkaException
from confluent_kafka.admin import AdminClient, ConfigResource, NewPartitions, NewTopic

TIMEOUT = 20


def outcome(future):
    try:
        future.result()
        return 'NONE'
    except KafkaException as e:
        return e.args[0].name()


def main(bootstrap, operation, args):
    admin = AdminClient({'bootstrap.servers': bootstrap})
    if operation == 'create':
        topic, partitions, configs = args[0], int(args[1]), dict(arg.split('=', 1) for arg in args[2:])
        futures = admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1,
                                                config=configs)], request_timeout=TIMEOUT)
        result = {'error': outcome(futures[topic])}
    elif operation == 'create-partitions':
        futures = admin.create_partitions([NewPartitions(args[0], int(args[1]))], request_timeout=TIMEOUT)
        result = {'error': outcome(futures[args[0]])}
    elif operation == 'describe-configs':
        resource = ConfigResource(ConfigResource.Type.TOPIC, args[0])
        configs = admin.describe_configs([resource], request_timeout=TIMEOUT)[resource].result()
        result = {'configs': {name: entry.value for name, entry in configs.items()},
                  'defaults': sorted(name for name, entry in configs.items() if entry.is_default)}
    elif operation == 'list':
        metadata = admin.list_topics(timeout=TIMEOUT)
        result = {'brokers': sorted(broker.id for broker in metadata.brokers.values()),
                  'topics': {name: len(topic.partitions) for name, topic in metadata.topics.items()}}
    elif operation == 'delete':
        result = {'error': outcome(admin.delete_topics([args[0]], request_timeout=TIMEOUT)[args[0]])}
    else:
        raise ValueError('unknown operation ' + operation)
    print(json.dumps(result))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
