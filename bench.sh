#!/usr/bin/env bash
# Runs Handoff's benchmarks (`./bench.sh --help`). Builds the bench jar, Kafka's classpath and Handoff's CLI jar
# when one is missing; after changing sources, rebuild with: mvn -B -q -pl bench,cli -am package -Dquick
set -euo pipefail
cd "$(dirname "$0")"
if [[ ! -f bench/target/handoff-bench.jar || ! -f bench/target/kafka-classpath.txt || ! -f cli/target/handoff.jar ]]; then
  mvn -B -q -ntp -pl bench,cli -am package -Dquick >&2
fi
exec java -jar bench/target/handoff-bench.jar "$@"
