#!/bin/sh
# Installs the pinned npm packages (package-lock.json) into $1/node_modules with npm ci. Run by the Maven build
# of aura-sdk-graphql-it in generate-test-resources; fails with one clear line when Node.js 20+ or npm is missing.
set -eu
dir="$1"
if ! command -v node >/dev/null 2>&1; then
  echo "aura-sdk-graphql-it needs Node.js 20 or newer on PATH (the Neo4j GraphQL Library runs on it): node not found" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "aura-sdk-graphql-it needs Node.js 20 or newer on PATH: found $(node --version)" >&2
  exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
  echo "aura-sdk-graphql-it needs npm on PATH (it comes with Node.js): npm not found" >&2
  exit 1
fi
cd "$dir"
start=$(date +%s)
npm ci --ignore-scripts --no-audit --no-fund --loglevel=warn
echo "npm ci: $(ls node_modules | wc -l) top-level packages in $(( $(date +%s) - start )) s (node $(node --version), npm $(npm --version))"
