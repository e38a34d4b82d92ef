#!/usr/bin/env bash
# The agent card in a real browser: starts trackenrich in zero-config sandbox
# mode with a public listener, has headless Chromium (Debian `chromium`) load
# GET /card for every sandbox scenario in en, it, de, fr and es at sidebar
# width (320 px), checks the rendered DOM (state text, tracking link, flags,
# reply draft in the buyer's language), fails on any console message, and
# keeps a screenshot of each under OUT_DIR for review.
#
#   tests/browser/card_browser_test.sh build/services/trackenrich build/browser
set -euo pipefail

binary=$1
out_dir=$2
chromium_bin=${CHROMIUM:-chromium}
command -v "$chromium_bin" >/dev/null || { echo "FAIL: $chromium_bin is not installed (deploy/install-deps.sh)"; exit 1; }
mkdir -p "$out_dir"
work=$(mktemp -d)
server_pid=
cleanup() {
  if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$binary" --grpc_listen=127.0.0.1:0 --admin_listen=127.0.0.1:0 --http_listen=127.0.0.1:0 \
  >"$work/server.out" 2>"$work/server.err" </dev/null &
server_pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's/.* http=\([0-9]*\).*/\1/p' "$work/server.out" 2>/dev/null | head -1)
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "FAIL: the service did not start"; cat "$work/server.err"; exit 1; }

failures=0
fail() { echo "FAIL [$1]: $2"; failures=$((failures + 1)); }

# The state as the card names it, by language (services/integrations/card).
declare -A words=(
  [en.DELIVERED]="Delivered" [it.DELIVERED]="Consegnato" [de.DELIVERED]="Zugestellt"
  [fr.DELIVERED]="Livré" [es.DELIVERED]="Entregado"
  [en.IN_TRANSIT]="In transit" [it.IN_TRANSIT]="In transito" [de.IN_TRANSIT]="Unterwegs"
  [fr.IN_TRANSIT]="En transit" [es.IN_TRANSIT]="En tránsito"
  [en.EXCEPTION]="Exception" [it.EXCEPTION]="Problema" [de.EXCEPTION]="Problem"
  [fr.EXCEPTION]="Incident" [es.EXCEPTION]="Incidencia"
  [en.DELAYED]="Delayed" [it.DELAYED]="In ritardo" [de.DELAYED]="Verspätet"
  [fr.DELAYED]="Retardé" [es.DELAYED]="Retrasado"
  [en.RETURNING]="Returning to sender" [it.RETURNING]="In restituzione al mittente"
  [de.RETURNING]="Rücksendung an Absender" [fr.RETURNING]="Retour à l'expéditeur"
  [es.RETURNING]="Devolviendo al remitente"
)

# name | query | expected state ("" none) | expected flag ("" none) | extra check
scenarios=(
  "delivered|tracking_number=1ZSBX0010300000010|DELIVERED||"
  "in_transit|tracking_number=1ZSBX0010300000029|IN_TRANSIT||"
  "exception|tracking_number=1ZSBX0010300000047|EXCEPTION|EXCEPTION|"
  "delayed|tracking_number=1ZSBX0010300000056|DELAYED|EXCEPTION|"
  "returned|tracking_number=1ZSBX0010300000065|RETURNING|EXCEPTION|"
  "not_found|tracking_number=1ZSBX0010300000074|||not_found"
  "fba_redirect|order_id=113-5550003-0000003|||fba"
  "multi_package|order_id=113-5550001-0000001|IN_TRANSIT||multi"
)

checked=0
for scenario in "${scenarios[@]}"; do
  IFS='|' read -r name query state flag extra <<<"$scenario"
  for lang in en it de fr es; do
    id="$name.$lang"
    profile=$(mktemp -d "$work/profile.XXXX")
    "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --enable-logging=stderr --log-level=0 \
      --window-size=320,1400 --hide-scrollbars --screenshot="$out_dir/card-$id.png" \
      --dump-dom "http://127.0.0.1:$port/card?$query&language=$lang&agent_language=$lang" \
      >"$work/$id.html" 2>"$work/$id.log" </dev/null || fail "$id" "chromium exited with an error"
    dom="$work/$id.html"
    grep -q '<section class="te-card" lang="'"$lang"'">' "$dom" || fail "$id" "no card in $lang"
    if grep -q ':CONSOLE' "$work/$id.log"; then
      fail "$id" "console message: $(grep ':CONSOLE' "$work/$id.log" | head -1)"
    fi
    grep -qi '<script' "$dom" && fail "$id" "the card has a script"
    [[ -s "$out_dir/card-$id.png" ]] || fail "$id" "no screenshot"
    if [[ -n $state ]]; then
      grep -q "data-state=\"$state\"" "$dom" || fail "$id" "state $state missing"
      grep -q "class=\"te-state\">${words[$lang.$state]}<" "$dom" ||
        fail "$id" "state text '${words[$lang.$state]}' missing"
      grep -q '<a class="te-tracking" href="https://' "$dom" || fail "$id" "no tracking link"
    fi
    if [[ -n $flag ]]; then
      grep -q "data-flag=\"$flag\"" "$dom" || fail "$id" "flag $flag missing"
    fi
    grep -q "<blockquote lang=\"$lang\"><p class=\"te-reply-subject\">" "$dom" ||
      fail "$id" "no reply draft in $lang"
    case $extra in
      not_found)
        grep -q 'class="te-errors"' "$dom" || fail "$id" "not-found error missing"
        grep -q '1ZSBX0010300000074' "$dom" || fail "$id" "the number is not named" ;;
      fba)
        grep -q 'data-action="REDIRECT_TO_AMAZON"' "$dom" || fail "$id" "no Amazon redirect"
        grep -q '113-5550003-0000003' "$dom" || fail "$id" "order not shown" ;;
      multi)
        [[ $(grep -o 'class="te-shipment"' "$dom" | wc -l) -eq 2 ]] || fail "$id" "not two packages"
        grep -q '1ZSBX0010300000029' "$dom" && grep -q '777100000025' "$dom" ||
          fail "$id" "a package is missing" ;;
    esac
    checked=$((checked + 1))
  done
done

echo "browser: $checked cards checked (8 scenarios x 5 languages), $failures failure(s);" \
  "screenshots in $out_dir"
[[ $failures -eq 0 ]]
