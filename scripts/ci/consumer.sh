#!/usr/bin/env bash
# Packs every published package and installs the tarballs into a fresh
# consumer project OUTSIDE the workspace, the way an integrator would, on the
# Node version CI runs (the lowest the packages promise: >= 20.19), with
# `npm install --engine-strict`. Then: ESM import, CJS require, TypeScript
# under `module: node16` and `moduleResolution: bundler`, and a browser bundle
# with esbuild of the browser-safe entries. Run `pnpm build` first.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/tarballs" "$work/app"

echo "node $(node --version), npm $(npm --version)"
for dir in "$root"/packages/*/; do
  (cd "$dir" && pnpm pack --pack-destination "$work/tarballs" >/dev/null)
done
ls "$work/tarballs"

cp "$here"/consumer/* "$work/app/"
cd "$work/app"
# Peers at the lowest versions the ranges allow would be the strictest test;
# the registry's current ones are what a new project gets.
deps=$(for t in "$work"/tarballs/*.tgz; do printf '"%s": "file:%s", ' "$(tar -xzOf "$t" package/package.json | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).name))')" "$t"; done)
cat > package.json <<JSON
{
  "name": "nastavnik-consumer",
  "private": true,
  "type": "module",
  "dependencies": { ${deps} "zod": "^4.1.0", "xstate": "^5.20.0" },
  "devDependencies": { "typescript": "5.9.3", "esbuild": "^0.27.7", "@types/node": "^20.19.0" }
}
JSON
npm install --engine-strict --no-audit --no-fund --loglevel=error
echo "--- ESM"; node esm.mjs
echo "--- CJS"; node cjs.cjs
echo "--- TypeScript node16"; npx tsc -p tsconfig.node16.json
echo "--- TypeScript bundler"; npx tsc -p tsconfig.bundler.json
echo "--- browser bundle (esbuild, platform browser)"
npx esbuild browser.ts --bundle --platform=browser --format=esm --outfile=out/browser.js --log-level=warning
node -e 'const s=require("fs").statSync("out/browser.js").size; console.log("browser bundle", (s/1024).toFixed(0), "KB")'
echo "consumer project: ok"
