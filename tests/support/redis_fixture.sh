#!/usr/bin/env bash
# The ctest fixture `redis`: starts one redis-server for the tests labelled
# redis, and stops it after them.
#   redis_fixture.sh start DIR   # 127.0.0.1 on a free port; writes DIR/port and DIR/pid
#   redis_fixture.sh stop DIR    # stops it by pid
# redis-server runs in its own session with stdin/stdout/stderr detached, or
# ctest would wait on its pipes. No persistence: every run starts empty.
# ctest runs the test cases of every binary in parallel against this one
# server, and a test case FLUSHes its database first, so no two test cases
# may share a database index. The indices in use (64 databases):
#   1-7, 13   redis_cache_integration_test
#   11        helpdesk_redis_test
#   14        tenant_audit_redis_test
#   20-25     watch_test
#   40-46     redis_client_test (redis_client_test.cc 40-42, redis_coordination_test.cc 43-46)
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
      setsid redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --databases 64 \
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
