#!/usr/bin/env bash
# Runs Handoff's benchmarks (`./bench.sh --help`); builds the bench jar first when it is missing.
set -euo pipefail
cd "$(dirname "$0")"
jar=bench/target/handoff-bench.jar
if [[ ! -f $jar || ! -f bench/target/kafka-classpath.txt ]]; then
  mvn -B -q -ntp -pl bench -am install -Dquick
fi
exec java -jar "$jar" "$@"
