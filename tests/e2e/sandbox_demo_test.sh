#!/usr/bin/env bash
# The README's demo, as a test: start the real binary with zero config, then
# use buf curl (reflection) and plain HTTP exactly as the README shows.
#   sandbox_demo_test.sh SERVER_BINARY BUF_BINARY
set -euo pipefail

server=$1
buf=$2
work=$(mktemp -d)
pid=
cleanup() {
  if [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid"; fi
  rm -rf "$work"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "--- server log ---" >&2
  cat "$work/server.log" >&2 || true
  exit 1
}

"$server" --grpc_listen=127.0.0.1:0 --admin_listen=127.0.0.1:0 >"$work/server.out" 2>"$work/server.log" &
pid=$!
for _ in $(seq 300); do
  grep -q 'listening: grpc=' "$work/server.out" 2>/dev/null && break
  sleep 0.1
done
line=$(grep 'listening: grpc=' "$work/server.out") || fail "server did not start"
grpc_port=$(sed -E 's/.*grpc=([0-9]+).*/\1/' <<<"$line")
admin_port=$(sed -E 's/.*admin=([0-9]+).*/\1/' <<<"$line")
grep -q "SANDBOX MODE" "$work/server.log" || fail "zero-config run does not announce sandbox mode"

call() {
  "$buf" curl --protocol grpc --http2-prior-knowledge "$@"
}

services=$(call --list-services "http://127.0.0.1:$grpc_port") || fail "buf curl --list-services failed"
grep -qx 'trackenrich.v1.TrackingService' <<<"$services" || fail "TrackingService not listed: $services"
grep -qx 'grpc.health.v1.Health' <<<"$services" || fail "Health not listed: $services"

methods=$(call --list-methods "http://127.0.0.1:$grpc_port") || fail "buf curl --list-methods failed"
for method in EnrichTicket GetOrderTracking BatchGetOrderTracking TrackShipment BatchTrackShipments \
              DetectCarrier RenderReply; do
  grep -qx "trackenrich.v1.TrackingService/$method" <<<"$methods" || fail "$method not listed"
done

health=$(call "http://127.0.0.1:$grpc_port/grpc.health.v1.Health/Check") || fail "health Check failed"
grep -q '"SERVING"' <<<"$health" || fail "health is not SERVING: $health"

shipment=$(call -d '{"shipment":{"trackingNumber":"1ZSBX0010300000010"}}' \
  "http://127.0.0.1:$grpc_port/trackenrich.v1.TrackingService/TrackShipment") || fail "TrackShipment failed"
grep -q '"state": "SHIPMENT_STATE_DELIVERED"' <<<"$shipment" || fail "not delivered: $shipment"
grep -q '"events": \[' <<<"$shipment" || fail "no events: $shipment"
grep -q '"trackingUrl": "https://' <<<"$shipment" || fail "no tracking URL: $shipment"

# The README's order examples: an FBM order with two carriers, an MCF order.
order=$(call -d '{"order":{"orderId":"113-5550001-0000001"}}' \
  "http://127.0.0.1:$grpc_port/trackenrich.v1.TrackingService/GetOrderTracking") ||
  fail "GetOrderTracking failed"
grep -q '"fulfillment": "FULFILLMENT_FBM"' <<<"$order" || fail "not an FBM order: $order"
[[ $(grep -c '"provenance"' <<<"$order") -ge 3 ]] || fail "packages not tracked: $order"
grep -q '"carrier": "CARRIER_FEDEX"' <<<"$order" || fail "no FedEx package: $order"
mcf=$(call -d '{"order":{"orderId":"MCF-SANDBOX-1","channel":"SALES_CHANNEL_SHOPIFY"}}' \
  "http://127.0.0.1:$grpc_port/trackenrich.v1.TrackingService/GetOrderTracking") ||
  fail "GetOrderTracking (MCF) failed"
grep -q '"fulfillment": "FULFILLMENT_MCF"' <<<"$mcf" || fail "not an MCF order: $mcf"
grep -q '"state": "SHIPMENT_STATE_DELAYED"' <<<"$mcf" || fail "no delayed MCF package: $mcf"

if call -d '{"shipment":{"trackingNumber":"1Z/../etc"}}' \
  "http://127.0.0.1:$grpc_port/trackenrich.v1.TrackingService/TrackShipment" 2>"$work/invalid.err"; then
  fail "an invalid tracking number was accepted"
fi
grep -q 'invalid_argument' "$work/invalid.err" || fail "expected invalid_argument: $(cat "$work/invalid.err")"
grep -q 'shipment.tracking_number' "$work/invalid.err" || fail "error does not name the field"

[[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$admin_port/healthz") == 200 ]] || fail "/healthz"
# Read whole responses first: `curl | grep -q` can fail under pipefail when
# grep stops reading early.
ready=$(curl -sf "http://127.0.0.1:$admin_port/readyz") || fail "/readyz did not answer 200"
grep -q '"ready":true' <<<"$ready" || fail "/readyz: $ready"
metrics=$(curl -sf "http://127.0.0.1:$admin_port/metrics") || fail "/metrics did not answer 200"
grep -q 'trackenrich_rpc_requests_total{code="OK",method="TrackShipment"} 1' <<<"$metrics" ||
  fail "/metrics has no TrackShipment count"

kill -TERM "$pid"
status=0
wait "$pid" || status=$?
pid=
[[ $status -eq 0 ]] || fail "exit status after SIGTERM was $status"
echo "sandbox demo: all checks passed"
