#!/usr/bin/env bash
# Runs Handoff's benchmarks (`./bench.sh --help`). Builds the bench jar, Kafka's classpath and Handoff's CLI jar
# when one is missing or a bench source is newer than the bench jar.
set -euo pipefail
cd "$(dirname "$0")"
jar=bench/target/handoff-bench.jar
if [[ ! -f $jar || ! -f bench/target/kafka-classpath.txt || ! -f cli/target/handoff.jar
      || -n "$(find bench/pom.xml bench/kafka-runtime bench/src/main -newer "$jar" -print -quit)" ]]; then
  mvn -B -q -ntp -pl bench,cli -am package -Dquick >&2
fi
exec java -jar "$jar" "$@"
