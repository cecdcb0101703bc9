#!/usr/bin/env bash
# `make cluster WORKERS=4`: redis-server, WORKERS app processes on consecutive
# ports from FIRST_PORT, nginx on LISTEN in front (docs/deploy/nginx-cluster.conf,
# as in docs/deploy.md). All in the foreground; Ctrl-C stops them all.
set -euo pipefail
cd "$(dirname "$0")/../.."
WORKERS=${WORKERS:-4}
FIRST_PORT=${FIRST_PORT:-5001}
LISTEN=${LISTEN:-8080}
REDIS_PORT=${REDIS_PORT:-6379}
DATA=${WORKSHOP_DATA_DIR:-sessions}
RUN=$(realpath -m "${DATA}/cluster")
PY=.venv/bin/python
mkdir -p "$RUN" && chmod 700 "$DATA" "$RUN"

pids=()
stop() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait; }
trap stop EXIT INT TERM

redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --dir "$RUN" --save "" --appendonly no \
  --logfile "$RUN/redis.log" & pids+=($!)
until redis-cli -p "$REDIS_PORT" ping >/dev/null 2>&1; do sleep 0.1; done

public=${WORKSHOP_PUBLIC_URL:-http://$($PY -c 'from workshop.config import lan_address; print(lan_address())'):$LISTEN}
servers=""
for ((i = 0; i < WORKERS; i++)); do
  port=$((FIRST_PORT + i))
  WORKSHOP_PORT=$port WORKSHOP_HOST=127.0.0.1 WORKSHOP_DATA_DIR=$DATA WORKSHOP_PUBLIC_URL=$public \
    WORKSHOP_REDIS_URL=redis://127.0.0.1:$REDIS_PORT/0 WORKSHOP_TRUSTED_PROXIES=1 \
    $PY app.py > "$RUN/worker-$port.log" 2>&1 & pids+=($!)
  servers+="        server 127.0.0.1:$port max_fails=1 fail_timeout=5s;"$'\n'
  # The first worker creates or migrates the database before the others open it.
  if ((i == 0)); then
    until curl -fs "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
  fi
done
for ((i = 1; i < WORKERS; i++)); do
  until curl -fs "http://127.0.0.1:$((FIRST_PORT + i))/healthz" >/dev/null; do sleep 0.2; done
done

conf="$RUN/nginx.conf"
export RUN LISTEN SERVERS="$servers"
$PY - docs/deploy/nginx-cluster.conf "$conf" <<'PYEOF'
import os, sys
text = open(sys.argv[1]).read()
for key in ("RUN", "LISTEN", "SERVERS"):
    text = text.replace(f"@{key}@", os.environ[key].rstrip("\n"))
open(sys.argv[2], "w").write(text)
PYEOF
nginx -t -q -c "$conf" -p "$RUN"
nginx -c "$conf" -p "$RUN" -g "daemon off;" & pids+=($!)
sed -n '/Facilitator console/,/Participants join/p' "$RUN/worker-$FIRST_PORT.log"
echo "  $WORKERS workers on ports $FIRST_PORT-$((FIRST_PORT + WORKERS - 1)), redis on $REDIS_PORT, nginx on $LISTEN: $public"
echo "  Logs in $RUN/. Ctrl-C stops everything."
wait -n "${pids[@]}"
