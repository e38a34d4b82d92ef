#!/usr/bin/env bash
# Installs what building, running and testing trackenrich needs on Debian 12:
# the Debian packages below and the npm tools in deploy/tools (buf).
# Idempotent: a second run installs nothing and takes a second.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

packages=(
  cmake ninja-build pkg-config g++ git ca-certificates curl
  libgrpc++-dev libprotobuf-dev protobuf-compiler protobuf-compiler-grpc grpc-proto
  libabsl-dev libssl-dev libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libhiredis-dev catch2 prometheus-cpp-dev libspdlog-dev redis-server nghttp2-client
  clang libclang-rt-14-dev ccache python3-yaml python3-protobuf python3-grpcio
  golang-grpc-gateway chromium
  nodejs npm
)

missing=()
for package in "${packages[@]}"; do
  # nodejs/npm may come from elsewhere (a newer Node.js); the commands are what matter.
  if [[ $package == nodejs || $package == npm ]] && command -v "${package/nodejs/node}" >/dev/null; then
    continue
  fi
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

# buf (proto lint, buf curl), pinned by deploy/tools/package-lock.json.
if [[ ! -x "$here/tools/node_modules/.bin/buf" ]] || \
   [[ "$here/tools/package-lock.json" -nt "$here/tools/node_modules/.package-lock.json" ]]; then
  echo "install-deps: installing npm tools in deploy/tools"
  (cd "$here/tools" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
