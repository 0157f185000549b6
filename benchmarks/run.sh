#!/usr/bin/env bash
# Builds the benchmarks and runs all of them, baselines included, in one JMH run, then prints the report.
#   benchmarks/run.sh                 # everything (~6 minutes on 2 cores)
#   benchmarks/run.sh redactorOnly    # extra arguments go to JMH: a benchmark regex, -p kind=clean, ...
set -euo pipefail
cd "$(dirname "$0")/.."

./mvnw -B -q -pl benchmarks -am package -DskipTests

results=benchmarks/target/results.json
started=$(date +%s)
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(java -version 2>&1 | head -1), $(nproc) CPUs"

# -foe: a benchmark whose setup check fails (component not doing its job) fails the whole run,
# rather than leaving a hole in the table.
java -jar benchmarks/target/benchmarks.jar \
  -f 1 -wi 3 -w 2s -i 5 -r 2s \
  -prof gc -foe true \
  -rf json -rff "$results" \
  "$@"

echo
java -cp benchmarks/target/benchmarks.jar dev.logshield.benchmarks.BenchmarkReport "$results" \
  | tee benchmarks/target/report.md
# Adversarial input, linear time (prints nothing when the run had no AdversarialInputBenchmark result)
java -cp benchmarks/target/benchmarks.jar dev.logshield.benchmarks.AdversarialInputReport "$results" \
  | tee -a benchmarks/target/report.md
# TLS appenders (prints nothing when the run had no TlsAppenderBenchmark result)
java -cp benchmarks/target/benchmarks.jar dev.logshield.benchmarks.tls.TlsAppenderReport "$results" \
  | tee -a benchmarks/target/report.md
echo
echo "Run took $(( ($(date +%s) - started) / 60 )) min $(( ($(date +%s) - started) % 60 )) s (build excluded)."
