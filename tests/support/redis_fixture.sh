#!/usr/bin/env bash
# The ctest fixture `redis`: starts one redis-server for the tests labelled
# redis, and stops it after them.
#   redis_fixture.sh start DIR   # 127.0.0.1 on a free port; writes DIR/port and DIR/pid
#   redis_fixture.sh stop DIR    # stops it by pid
# redis-server runs in its own session with stdin/stdout/stderr detached, or
# ctest would wait on its pipes. No persistence: every run starts empty.
# 32 databases: each test case that shares it uses its own index (watch_test: 20-25).
set -euo pipefail

command=${1:?start or stop}
dir=${2:?directory}

stop() {
  if [[ -f $dir/pid ]]; then
    pid=$(cat "$dir/pid")
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
      done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/pid" "$dir/port"
  fi
}

case $command in
  start)
    mkdir -p "$dir"
    stop
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 10000))
      setsid redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --databases 32 \
        --dir "$dir" --daemonize no --logfile '' </dev/null >/dev/null 2>&1 &
      pid=$!
      for _ in $(seq 1 50); do
        kill -0 "$pid" 2>/dev/null || break  # exited: the port was taken
        # The answer must come from this process, not another server on the port.
        if redis-cli -h 127.0.0.1 -p "$port" info server 2>/dev/null | grep -q "^process_id:$pid"; then
          echo "$pid" >"$dir/pid"
          echo "$port" >"$dir/port"
          echo "redis-server $pid listening on 127.0.0.1:$port"
          exit 0
        fi
        sleep 0.1
      done
      kill -9 "$pid" 2>/dev/null || true
    done
    echo "redis_fixture: could not start redis-server" >&2
    exit 1
    ;;
  stop)
    stop
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
