'use strict'
// kafkajs scenarios for KafkaJsIT: node scenario.js <scenario> <bootstrap> [args...]
// Every line on stdout is one JSON event; the last one lists the API versions kafkajs sent ("versions").
// Long-running scenarios (member) stop when a line "stop" arrives on stdin or stdin closes.

const readline = require('readline')
const { Kafka, logLevel, CompressionTypes, ConfigResourceTypes, Partitioners } = require('kafkajs')

const [scenario, bootstrap, ...args] = process.argv.slice(2)
const versions = {}
const emit = event => process.stdout.write(JSON.stringify(event) + '\n')

// kafkajs logs every request at debug level as "Request <Api>(key: <k>, version: <v>)": the versions it
// negotiated from the broker's ApiVersions answer.
const REQUEST_LOG = /^Request (\w+)\(key: \d+, version: (\d+)\)$/
const logCreator = () => ({ level, log }) => {
  const match = REQUEST_LOG.exec(log.message)
  if (match) {
    versions[match[1]] = Math.max(versions[match[1]] ?? -1, Number(match[2]))
  } else if (level <= logLevel.WARN) {
    process.stderr.write(`${log.message} ${JSON.stringify(log)}\n`)
  }
}

const kafka = new Kafka({
  clientId: 'handoff-interop-kafkajs',
  brokers: [bootstrap],
  logLevel: logLevel.DEBUG,
  logCreator,
  retry: { retries: 3 },
})

const header = value => (value === undefined ? null : value.toString())
const headersOf = headers => Object.fromEntries(Object.entries(headers ?? {}).map(([k, v]) => [k, header(v)]))
const asText = buffer => (buffer === null ? null : buffer.toString())

async function admin([topic, deletedTopic]) {
  const client = kafka.admin()
  await client.connect()
  try {
    const created = await client.createTopics({
      topics: [
        { topic, numPartitions: 3, replicationFactor: 1 },
        { topic: deletedTopic, numPartitions: 2, replicationFactor: 1 },
      ],
      waitForLeaders: true,
    })
    const createdAgain = await client.createTopics({ topics: [{ topic, numPartitions: 3 }] })
    const cluster = await client.describeCluster()
    const metadata = await client.fetchTopicMetadata({ topics: [topic] })
    const offsets = await client.fetchTopicOffsets(topic)
    const configs = await client.describeConfigs({
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
      includeSynonyms: false,
    })
    await client.createPartitions({ topicPartitions: [{ topic: deletedTopic, count: 4 }] })
    const grown = await client.fetchTopicMetadata({ topics: [deletedTopic] })
    await client.deleteTopics({ topics: [deletedTopic] })
    const listed = await client.listTopics()
    emit({
      event: 'admin',
      created,
      createdAgain,
      brokers: cluster.brokers.map(b => b.nodeId),
      partitions: metadata.topics[0].partitions
        .map(p => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas }))
        .sort((a, b) => a.partition - b.partition),
      offsets: offsets.map(o => ({ partition: o.partition, high: o.high, low: o.low }))
        .sort((a, b) => a.partition - b.partition),
      listed: listed.sort(),
      configs: Object.fromEntries(configs.resources[0].configEntries.map(c => [c.configName, c.configValue])),
      grownPartitions: grown.topics[0].partitions.length,
    })
  } finally {
    await client.disconnect()
  }
}

// Messages with keys and headers (and a tombstone), explicitly partitioned so the test knows where each lands.
async function produce([topic, compression, count, idempotent]) {
  const producer = kafka.producer(idempotent === 'idempotent'
    ? { idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner }
    : { allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner })
  await producer.connect()
  try {
    const timestamp = Date.now() - 60_000
    const messages = Array.from({ length: Number(count) }, (_, i) => ({
      partition: i % 3,
      key: `key-${i}`,
      value: i % 10 === 9 ? null : `value-${i}-${'x'.repeat(i % 50)}`,
      headers: { seq: `${i}`, client: 'kafkajs' },
      timestamp: `${timestamp + i}`,
    }))
    // Two requests, so an idempotent producer's sequence numbers continue across batches.
    const half = Math.ceil(messages.length / 2)
    for (const chunk of [messages.slice(0, half), messages.slice(half)]) {
      const acks = await producer.send({
        topic,
        acks: -1,
        compression: CompressionTypes[compression],
        messages: chunk,
      })
      emit({ event: 'acks', acks: acks.map(a => ({ partition: a.partition, errorCode: a.errorCode, baseOffset: a.baseOffset })) })
    }
    for (const m of messages) {
      emit({ event: 'sent', partition: m.partition, key: m.key, value: m.value, headers: m.headers, timestamp: Number(m.timestamp) })
    }
  } finally {
    await producer.disconnect()
  }
}

// Describes a consumer group through the admin client: ListGroups, DescribeGroups and OffsetFetch.
async function groups([groupId, topic]) {
  const client = kafka.admin()
  await client.connect()
  try {
    const listed = await client.listGroups()
    const described = await client.describeGroups([groupId])
    const offsets = await client.fetchOffsets({ groupId, topics: [topic] })
    emit({
      committed: Object.fromEntries(offsets[0].partitions
        .sort((a, b) => a.partition - b.partition)
        .map(p => [`${p.partition}`, Number(p.offset)])),
      event: 'groups',
      protocolType: listed.groups.find(g => g.groupId === groupId)?.protocolType,
      state: described.groups[0].state,
    })
  } finally {
    await client.disconnect()
  }
}

const record = (topic, partition, message) => ({
  event: 'record',
  topic,
  partition,
  offset: Number(message.offset),
  key: asText(message.key),
  value: asText(message.value),
  headers: headersOf(message.headers),
  timestamp: Number(message.timestamp),
})

// Reads <count> records of a topic from its beginning in a group of its own (consume-<topic>), then leaves.
async function consume([topic, count]) {
  const groupId = `consume-${topic}`
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200 })
  await consumer.connect()
  let seen = 0
  let done
  const finished = new Promise(resolve => { done = resolve })
  await consumer.subscribe({ topics: [topic], fromBeginning: true })
  await consumer.run({
    eachMessage: async ({ topic: t, partition, message }) => {
      emit(record(t, partition, message))
      if (++seen >= Number(count)) {
        done()
      }
    },
  })
  await finished
  await consumer.disconnect()
}

// A group member that reports each assignment and record, committing after every batch, until told to stop.
async function member([topic, groupId]) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 200, heartbeatInterval: 500, sessionTimeout: 10_000, rebalanceTimeout: 10_000 })
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    emit({ event: 'assigned', memberId: payload.memberId, partitions: (payload.memberAssignment[topic] ?? []).slice().sort((a, b) => a - b) })
  })
  consumer.on(consumer.events.COMMIT_OFFSETS, ({ payload }) => {
    emit({ event: 'committed', offsets: payload.topics.flatMap(t => t.partitions.map(p => ({ partition: p.partition, offset: Number(p.offset) }))) })
  })
  await consumer.connect()
  await consumer.subscribe({ topics: [topic], fromBeginning: true })
  await consumer.run({ eachMessage: async ({ topic: t, partition, message }) => emit(record(t, partition, message)) })
  await untilStopped()
  await consumer.disconnect()
}

function untilStopped() {
  return new Promise(resolve => {
    const lines = readline.createInterface({ input: process.stdin })
    lines.on('line', line => { if (line.trim() === 'stop') { resolve() } })
    lines.on('close', resolve)
  })
}

const scenarios = { admin, produce, consume, member, groups }

scenarios[scenario](args)
  .then(() => {
    emit({ event: 'versions', versions })
    process.exit(0)
  })
  .catch(error => {
    process.stderr.write(`${error.stack}\n`)
    emit({ event: 'versions', versions })
    process.exit(1)
  })
