#!/usr/bin/env bash
# Usage: .ci/with-node.sh VERSION COMMAND [ARG...]
# Runs COMMAND with the Node VERSION from the npm registry's `node` package first on PATH: the
# same way the project brings its own Node 24 (package.json), so CI can run the suite on every
# supported line whatever Node the machine has. Installed once per VERSION under .ci/.node/.
set -euo pipefail
version="$1"
shift
here="$(cd "$(dirname "$0")" && pwd)"
prefix="$here/.node/$version"
if [ ! -x "$prefix/node_modules/.bin/node" ]; then
  mkdir -p "$prefix"
  # A package.json of its own, so that npm installs here (not into the project) and approves the
  # `node` package's preinstall, which fetches the platform binary from the same registry.
  printf '{"private":true,"allowScripts":{"node":true}}\n' >"$prefix/package.json"
  npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "node@$version" >&2
fi
export PATH="$prefix/node_modules/.bin:$PATH"
echo "--- $(command -v node): $(node --version)" >&2
exec "$@"
