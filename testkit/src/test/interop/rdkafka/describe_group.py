"""Describes one consumer group with confluent-kafka's AdminClient.list_groups (ListGroups and DescribeGroups
v0) and prints it as one JSON object. Usage: describe_group.py BOOTSTRAP GROUP"""
import json
import sys

from confluent_kafka.admin import AdminClient


def main(bootstrap, group):
    admin = AdminClient({'bootstrap.servers': bootstrap})
    groups = admin.list_groups(group, timeout=20)
    print(json.dumps([{
        'group': g.id,
        'error': None if g.error is None else g.error.name(),
        'state': g.state,
        'protocol_type': g.protocol_type,
        'protocol': g.protocol,
        'members': sorted(m.client_id for m in g.members),
    } for g in groups]))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1], sys.argv[2]))
