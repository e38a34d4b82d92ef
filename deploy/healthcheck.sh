#!/bin/bash
# Container health check without curl (the runtime image has none): sends
# GET PATH to 127.0.0.1:PORT over bash's /dev/tcp and succeeds on a 200.
#   healthcheck.sh                        # the service: admin port 8080, /healthz
#   healthcheck.sh 8081 /__sandbox/stats  # the standalone sandbox
# The port also comes from TRACKENRICH_ADMIN_PORT when no argument is given.
set -eu

port=${1:-${TRACKENRICH_ADMIN_PORT:-8080}}
path=${2:-/healthz}

exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
status=
IFS= read -r -t 3 status <&3 || true
exec 3<&-
[[ $status == "HTTP/1."?" 200 "* ]]
