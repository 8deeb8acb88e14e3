#!/usr/bin/env bash
# The consumer job: what a team embedding Dossier does, from the packed packages into a blank npm project.
# Packs every publishable workspace package, installs the tarballs with npm (better-sqlite3 builds from source when
# no prebuilt binary can be fetched), type-checks docs/embed.md's service and its check program with strict tsc
# (NodeNext, skipLibCheck off), runs it over SQLite and over EventStoreDB (the in-process test server), then uses the
# installed CLI through npx. Needs the workspace built (`pnpm test` or `pnpm build` first).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/dossier-consumer.XXXXXX")"
trap 'rm -rf "$work"' EXIT
started=$SECONDS
step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }

step 'pack every publishable package'
mkdir "$work/tarballs"
for dir in "$repo"/packages/* "$repo"/examples/*; do
  [ -f "$dir/package.json" ] || continue
  if node -e 'process.exit(require(process.argv[1]).private === true ? 0 : 1)' "$dir/package.json"; then continue; fi
  (cd "$dir" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
node "$repo/.ci/consumer/checkTarballs.mjs" "$work/tarballs"

step 'npm install the tarballs into a blank project'
mkdir -p "$work/project/src"
cd "$work/project"
npm init -y >/dev/null
npm pkg set type=module >/dev/null && npm pkg set private=true --json >/dev/null
# node-gyp finds the running Node's headers where a distribution ships them, instead of downloading them.
nodedir="$(cd "$(dirname "$(command -v node)")/.." && pwd)"
if [ -f "$nodedir/include/node/node.h" ]; then export npm_config_nodedir="$nodedir"; fi
npm install --no-audit --no-fund --loglevel=error "$work"/tarballs/*.tgz @eventstore/db-client@^6.2.1
npm install --no-audit --no-fund --loglevel=error --save-dev typescript@~5.9.3 @types/node@^20.19.0

step 'type-check the consumer program with strict tsc (NodeNext), then run it'
cp "$repo"/examples/embed/src/*.ts src/
cp "$repo/.ci/consumer/tsconfig.json" tsconfig.json
npx tsc -p tsconfig.json
node dist/check.js "$work/project"

step 'the installed CLI'
version="$(npx dossier --version)"
expected="$(node -p "require('$repo/packages/cli/package.json').version")"
[ "$version" = "$expected" ] || { echo "dossier --version printed '$version', expected '$expected'"; exit 1; }
npx dossier verify --store "sqlite:$work/project/events.db"
demo="$(npx dossier demo --store sqlite:demo.db)"
where="$(printf '%s\n' "$demo" | sed -n 's/^  SQLite file //p')"
[ -f "$where" ] || { echo "the demo says its data lives in '$where', which does not exist"; exit 1; }
printf '%s\n' "$demo" | grep -q 'npx dossier verify --store sqlite:demo.db' || { echo 'the demo does not hint at npx dossier'; exit 1; }
if printf '%s\n' "$demo" | grep -q 'pnpm'; then echo 'the installed demo mentions pnpm'; exit 1; fi
echo "demo: data in $where; hints name npx dossier"

step "done in $((SECONDS - started))s"
