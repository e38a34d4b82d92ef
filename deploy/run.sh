#!/usr/bin/env bash
# Installs what is needed, builds, and runs trackenrich in the foreground.
# With no --config it runs in sandbox mode: an embedded sandbox upstream
# answers for the carriers and the cache is in-process.
#
#   deploy/run.sh                                   # gRPC 127.0.0.1:50051, admin 127.0.0.1:8080
#   deploy/run.sh --grpc_listen=127.0.0.1:6000 --admin_listen=127.0.0.1:6001
#   deploy/run.sh --config=deploy/config/single-seller.json
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${TRACKENRICH_BUILD_DIR:-$root/build}

"$root/deploy/install-deps.sh"
"$root/deploy/build.sh" trackenrich

grpc=127.0.0.1:50051
admin=127.0.0.1:8080
for arg in "$@"; do
  case $arg in
    --grpc_listen=*) grpc=${arg#*=} ;;
    --admin_listen=*) admin=${arg#*=} ;;
  esac
done

cat <<MSG
trackenrich: gRPC on $grpc, admin HTTP on $admin (Ctrl-C or SIGTERM to stop).
Try, from another shell:
  deploy/tools/node_modules/.bin/buf curl --protocol grpc --http2-prior-knowledge \\
    -d '{"shipment":{"trackingNumber":"1ZSBX0010300000010"}}' \\
    http://$grpc/trackenrich.v1.TrackingService/TrackShipment
  curl http://$admin/readyz
MSG
exec "$build_dir/services/trackenrich" "$@"
