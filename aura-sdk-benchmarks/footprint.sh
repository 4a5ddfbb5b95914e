#!/usr/bin/env bash
# Measure 6, footprint: the runtime dependency closure (module jar + runtime-scope dependencies) of
# aura-sdk-import, aura-sdk-graphql and aura-sdk-neo4j, in MB (10^6 bytes), and a check that no Kotlin, Guava or
# Netty jar is in it (aura-sdk-neo4j excepted for Netty: the Neo4j driver is built on it). Run from anywhere: bash aura-sdk-benchmarks/footprint.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for module in aura-sdk-import aura-sdk-graphql aura-sdk-neo4j; do
  # each module of the reactor copies its closure into its own target/dependency
  rm -rf "$module/target/dependency"
  mvn -B -ntp -q -Dstyle.color=never -pl "$module" -am package dependency:copy-dependencies -DskipTests \
      -DincludeScope=runtime >"$out/maven.log" 2>&1 || { cat "$out/maven.log" >&2; exit 1; }
  mkdir -p "$out/$module"
  cp "$module"/target/dependency/*.jar "$out/$module/"
  find "$module/target" -maxdepth 1 -name "$module-*.jar" ! -name '*-sources.jar' ! -name '*-javadoc.jar' \
      ! -name '*-tests.jar' -exec cp {} "$out/$module/" \;
  echo "## $module (runtime closure)"
  echo
  echo "| jar | bytes |"
  echo "|---|---:|"
  total=0
  for jar in "$out/$module"/*.jar; do
    size=$(stat -c %s "$jar")
    total=$((total + size))
    echo "| $(basename "$jar") | $size |"
  done
  echo "| **total** | **$total** ($(awk "BEGIN { printf \"%.2f\", $total / 1000000 }") MB) |"
  echo
  pattern='kotlin|guava|netty'
  [ "$module" = aura-sdk-neo4j ] && pattern='kotlin|guava'
  forbidden=$(ls "$out/$module" | grep -Ei "$pattern" || true)
  echo "Kotlin, Guava or Netty at runtime (Netty allowed for aura-sdk-neo4j): ${forbidden:-none}"
  echo
done
