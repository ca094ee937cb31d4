#!/usr/bin/env bash
# Starts PostgreSQL and Redis when they are installed but not answering. The suites that need
# them decide for themselves what to do when one is missing; this only makes them likely to be up.
set -uo pipefail

if command -v pg_isready >/dev/null 2>&1; then
  if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "PostgreSQL is down: starting it"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || echo "could not start PostgreSQL"
  fi
  pg_isready -h 127.0.0.1 -p 5432 || true
fi

if command -v redis-cli >/dev/null 2>&1; then
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    echo "Redis is down: starting it"
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log || echo "could not start Redis"
    sleep 1
  fi
  echo "redis: $(redis-cli -h 127.0.0.1 -p 6379 ping 2>&1)"
fi
exit 0
