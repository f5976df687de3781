#!/usr/bin/env bash
# The machines' tests against the lowest and the highest xstate that the peer
# range (^5.20.0) allows: the one module that reads xstate's definitions
# (packages/machines/src/_internal/xstate.ts) must hold on both.
#   bash scripts/ci/machines-xstate-range.sh [version ...]   (default: 5.20.0 and the latest 5.x)
set -euo pipefail
cd "$(dirname "$0")/../.."
versions=("$@")
if [[ ${#versions[@]} -eq 0 ]]; then
  versions=("5.20.0" "$(npm view 'xstate@^5.20.0' version --json | node -e 'const v = JSON.parse(require("fs").readFileSync(0, "utf8")); console.log([].concat(v).at(-1))')")
fi
# `pnpm test` has just run the machines' tests on the workspace's xstate: a version equal to it is not run twice.
workspace=$(node -p "require('./packages/machines/node_modules/xstate/package.json').version")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for v in "${versions[@]}"; do
  if [[ "$v" == "$workspace" ]]; then
    echo "--- xstate@$v is the workspace's own: its run is pnpm test's"
    continue
  fi
  echo "--- machines tests with xstate@$v"
  dir="$tmp/xstate-$v"
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --engine-strict "xstate@$v" >/dev/null
  installed=$(node -p "require('$dir/node_modules/xstate/package.json').version")
  [[ "$installed" == "$v" ]] || { echo "installed xstate@$installed, expected $v"; exit 1; }
  # The model-based tests are left out: @xstate/graph (a dev tool, built against the latest xstate)
  # asks an older xstate for the machines' initial snapshot without input. The properties (the
  # fast replay, the pure transition and an actor agree), the machines' own tests and persistence run.
  XSTATE_DIR="$dir" pnpm exec vitest run --root . --config scripts/ci/vitest.xstate.config.ts packages/machines \
    -t '^(?!.*model-based \(@xstate/graph\)).*$'
done
