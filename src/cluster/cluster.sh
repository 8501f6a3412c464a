#!/usr/bin/env bash
# The production shape on one machine, on 127.0.0.1 only: two wx-gateway and two admin-api
# instances from the exec jars, HAProxy in front of each pair (health checks on the public
# /actuator/health), a Redis primary with a replica and three Sentinels (the services find the
# primary through Sentinel), a dedicated database on the machine's MariaDB reached through a
# TcpProxy (so a fault test can cut it), and WeChat's side played by the simulator.
#
#   src/cluster/cluster.sh up              start everything, print the URLs (state in $CLUSTER_DIR)
#   src/cluster/cluster.sh down            stop everything this cluster started, drop its database
#   src/cluster/cluster.sh status          what runs
#   src/cluster/cluster.sh kill|stop|start|start-async|restart gw1|gw2|admin1|admin2
#   src/cluster/cluster.sh redis-kill-primary | redis-restart-old | db-cut | db-restore | sendall-holder
#
# CLUSTER_DIR (default /tmp/wxops-cluster) holds cluster.env, pids/, logs/ and the configs.
# Needs: the exec jars and wx-local.jar (./mvnw -B -DskipTests package), java 17+, haproxy,
# redis-server/redis-sentinel, curl, python3, the mysql client and a MariaDB/MySQL at
# WXOPS_CLUSTER_DB (default 127.0.0.1:3306, user root, no password). Missing Debian packages are
# installed with apt-get when running as root (WXOPS_CLUSTER_NO_INSTALL=1 turns that off).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SCRIPT="$ROOT/src/cluster/cluster.sh"
CLUSTER_DIR="${CLUSTER_DIR:-/tmp/wxops-cluster}"
ENV_FILE="$CLUSTER_DIR/cluster.env"
SERVICES="gw1 gw2 admin1 admin2"

log() { printf '[cluster %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# A port of 127.0.0.1 nobody listens on, from 20000-32000 (below the ephemeral range, so an
# outgoing connection of another program cannot take it meanwhile); checked by binding it.
free_port() {
  python3 - "$CLUSTER_DIR/ports.taken" <<'EOF'
import random, socket, sys, os
taken = set()
path = sys.argv[1]
if os.path.exists(path):
    taken = set(open(path).read().split())
for _ in range(500):
    port = random.randint(20000, 32000)
    if str(port) in taken:
        continue
    s = socket.socket()
    try:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", port))
    except OSError:
        continue
    finally:
        s.close()
    open(path, "a").write(f"{port}\n")
    print(port)
    sys.exit(0)
sys.exit("no free port")
EOF
}

ensure_tools() {
  local missing=()
  command -v haproxy >/dev/null || missing+=(haproxy)
  command -v redis-server >/dev/null || missing+=(redis-server)
  command -v redis-sentinel >/dev/null || missing+=(redis-sentinel)
  command -v mysql >/dev/null || missing+=(mariadb-client)
  if ((${#missing[@]})); then
    if [[ "${WXOPS_CLUSTER_NO_INSTALL:-}" != 1 && $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
      log "installing ${missing[*]} from Debian's packages"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 \
        || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2; }
    else
      die "missing ${missing[*]}: install them (apt-get install ${missing[*]})"
    fi
  fi
  for tool in java curl python3 ss; do command -v "$tool" >/dev/null || die "missing $tool"; done
}

jar_of() { # the newest exec jar of a module
  local jar
  jar=$(ls -t "$ROOT/$1"/target/*"$2" 2>/dev/null | head -1 || true)
  [[ -n "$jar" ]] || die "no $1/target/*$2: run ./mvnw -B -DskipTests package first"
  echo "$jar"
}

load_env() {
  [[ -f "$ENV_FILE" ]] || die "no cluster at $CLUSTER_DIR (run: $SCRIPT up)"
  set -a; . "$ENV_FILE"; set +a
}

random_b64() { python3 -c 'import base64, os; print(base64.b64encode(os.urandom(32)).decode())'; }
random_alnum() { python3 -c 'import secrets, string, sys; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(int(sys.argv[1]))))' "$1"; }

pid_of() { cat "$CLUSTER_DIR/pids/$1.pid" 2>/dev/null || true; }
alive() { local p; p=$(pid_of "$1"); [[ -n "$p" ]] && kill -0 "$p" 2>/dev/null; }

# Starts a process in the background with its own log and pid file.
spawn() {
  local name=$1; shift
  # Its own session: no signal meant for the caller's terminal or process group reaches it.
  # Appended: a restarted instance keeps the log of its previous life (what the fault did).
  setsid "$@" >>"$CLUSTER_DIR/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$CLUSTER_DIR/pids/$name.pid"
}

wait_http() { # url, seconds, name
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null --max-time 2 "$1"; do
    if [[ -n "${3:-}" ]] && ! alive "$3"; then
      tail -30 "$CLUSTER_DIR/logs/$3.log" >&2 || true
      die "$3 exited while starting (log: $CLUSTER_DIR/logs/$3.log)"
    fi
    ((SECONDS < deadline)) || die "$1 not healthy after $2 s"
    sleep 0.5
  done
}

# The services' JVM flags; WXOPS_CLUSTER_JAVA_OPTS at "up" adds to them for the cluster's
# life (kept in cluster.env as SERVICE_JAVA_OPTS): a short-lived test cluster passes
# -XX:TieredStopAtLevel=1 there, which starts faster and never runs long enough to need C2.
JAVA_OPTS_SERVICE="-Xms96m -Xmx448m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"

service_port() { local v="${1^^}_PORT"; echo "${!v}"; }

start_service() {
  local name=$1 port mgmt jar
  port=$(service_port "$name"); local m="${name^^}_MGMT"; mgmt=${!m}
  local common=(env WXOPS_DB_URL="$SERVICE_DB_URL" WXOPS_DB_USERNAME="$DB_USER" WXOPS_DB_PASSWORD="$DB_PASSWORD"
    WXOPS_REDIS_SENTINELS="$REDIS_SENTINELS" WXOPS_REDIS_SENTINEL_MASTER="$REDIS_MASTER"
    WXOPS_REDIS_KEY_PREFIX="$KEY_PREFIX" WXOPS_SECRET_KEY="$SECRET_KEY" WXOPS_WECHAT_API_HOST="$WECHAT_API_URL"
    WXOPS_SHUTDOWN_DRAIN=2s WXOPS_MANAGEMENT_ADDRESS=127.0.0.1)
  case $name in
    gw*)
      jar="$CLUSTER_DIR/jars/wx-gateway.jar"
      spawn "$name" "${common[@]}" WXOPS_GATEWAY_PORT="$port" WXOPS_GATEWAY_MANAGEMENT_PORT="$mgmt" \
        java $JAVA_OPTS_SERVICE ${SERVICE_JAVA_OPTS:-} -jar "$jar" --server.address=127.0.0.1 \
        --spring.lifecycle.timeout-per-shutdown-phase=20s ;;
    admin*)
      jar="$CLUSTER_DIR/jars/admin-api.jar"
      spawn "$name" "${common[@]}" WXOPS_ADMIN_PORT="$port" WXOPS_ADMIN_MANAGEMENT_PORT="$mgmt" \
        WXOPS_AUDIT_HMAC_KEY="$AUDIT_HMAC_KEY" WXOPS_AUDIT_SIGNING_KEY="$AUDIT_SIGNING_KEY" \
        java $JAVA_OPTS_SERVICE ${SERVICE_JAVA_OPTS:-} -jar "$jar" --server.address=127.0.0.1 \
        --spring.lifecycle.timeout-per-shutdown-phase=20s \
        --wxops.admin.mass-send.reconcile-after=5s --wxops.admin.mass-send.reconcile-interval=2s \
        --wxops.admin.inbox.ack-retry-interval=5s ;;
    *) die "unknown service $name" ;;
  esac
}

wait_service() { wait_http "http://127.0.0.1:$(service_port "$1")/actuator/health" "${2:-240}" "$1"; }

stop_pid() { # pid, name: SIGTERM, then SIGKILL after 40 s
  local pid=$1 deadline=$((SECONDS + 40))
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if ((SECONDS >= deadline)); then log "$2 did not stop in 40 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    sleep 0.2
  done
}

cmd_up() {
  ensure_tools
  [[ ! -f "$ENV_FILE" ]] || die "a cluster is already at $CLUSTER_DIR ($SCRIPT down first)"
  mkdir -p "$CLUSTER_DIR"/{pids,logs,home,redis}
  chmod 700 "$CLUSTER_DIR" "$CLUSTER_DIR/home"
  : >"$CLUSTER_DIR/ports.taken"
  # Copies of the jars, so a rebuild of the repository cannot change them under a running cluster.
  mkdir -p "$CLUSTER_DIR/jars"
  cp "$(jar_of wx-local .jar)" "$CLUSTER_DIR/jars/wx-local.jar"
  cp "$(jar_of wx-gateway -exec.jar)" "$CLUSTER_DIR/jars/wx-gateway.jar"
  cp "$(jar_of admin-api -exec.jar)" "$CLUSTER_DIR/jars/admin-api.jar"
  local wxlocal="$CLUSTER_DIR/jars/wx-local.jar"
  local run; run=$(date +%s)$(random_alnum 3 | tr 'A-Z' 'a-z'); run=${run:4}
  local db_host=${WXOPS_CLUSTER_DB:-127.0.0.1:3306}
  local db_name="wxops_cluster_$run"
  DB_USER=${WXOPS_CLUSTER_DB_USER:-root}; DB_PASSWORD=${WXOPS_CLUSTER_DB_PASSWORD:-}
  local opts="useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true&serverTimezone=UTC&connectTimeout=2000&socketTimeout=10000"
  MYSQL_PWD="$DB_PASSWORD" mysql -h"${db_host%:*}" -P"${db_host#*:}" -u"$DB_USER" \
    -e "CREATE DATABASE \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
    || die "cannot create database $db_name on $db_host"

  local p1 p2 s1 s2 s3
  p1=$(free_port); p2=$(free_port); s1=$(free_port); s2=$(free_port); s3=$(free_port)
  {
    echo "RUN=$run"
    echo "SCRIPT=$SCRIPT"
    echo "CLUSTER_HOME=$CLUSTER_DIR/home"
    echo "WX_LOCAL_JAR=$wxlocal"
    echo "DB_HOST=$db_host"
    echo "DB_NAME=$db_name"
    echo "DB_USER=$DB_USER"
    echo "DB_PASSWORD=$DB_PASSWORD"
    # "&" escaped: the file is sourced by bash and read as Java properties, and both drop the "\".
    echo "DB_URL=jdbc:mysql://$db_host/$db_name?${opts//&/\\&}"
    echo "DB_PROXY_PORT=$(free_port)"
    echo "DB_PROXY_CONTROL=$(free_port)"
    echo "REDIS_PORTS=$p1,$p2"
    echo "REDIS_SENTINELS=127.0.0.1:$s1,127.0.0.1:$s2,127.0.0.1:$s3"
    echo "REDIS_MASTER=wxops"
    echo "KEY_PREFIX=wxops"
    echo "WECHAT_API_PORT=$(free_port)"
    echo "WECHAT_CONTROL=$(free_port)"
    echo "FOLLOWER_PORT=$(free_port)"
    for s in $SERVICES; do echo "${s^^}_PORT=$(free_port)"; echo "${s^^}_MGMT=$(free_port)"; done
    echo "GATEWAY_LB_PORT=$(free_port)"
    echo "ADMIN_LB_PORT=$(free_port)"
    echo "SECRET_KEY=$(random_b64)"
    echo "AUDIT_HMAC_KEY=$(random_b64)"
    echo "AUDIT_SIGNING_KEY=$(random_b64)"
    echo "DEMO_PASSWORD=Wxops!$(random_alnum 12)7"
    echo "SERVICE_JAVA_OPTS=\"${WXOPS_CLUSTER_JAVA_OPTS:-}\""
  } >"$ENV_FILE"
  chmod 600 "$ENV_FILE"
  load_env
  {
    echo "SERVICE_DB_URL=jdbc:mysql://127.0.0.1:$DB_PROXY_PORT/$DB_NAME?${opts//&/\\&}"
    echo "DB_PROXY_CONTROL_URL=http://127.0.0.1:$DB_PROXY_CONTROL"
    echo "WECHAT_API_URL=http://127.0.0.1:$WECHAT_API_PORT"
    echo "WECHAT_CONTROL_URL=http://127.0.0.1:$WECHAT_CONTROL"
    echo "GATEWAY_URL=http://127.0.0.1:$GATEWAY_LB_PORT"
    echo "ADMIN_URL=http://127.0.0.1:$ADMIN_LB_PORT"
  } >>"$ENV_FILE"
  load_env
  # The local-run state files, so the tools and the suite share the demo password and secrets.
  (umask 077; printf '%s' "$DEMO_PASSWORD" >"$CLUSTER_HOME/local-demo-password")

  log "Redis primary $p1, replica $p2, Sentinels $s1 $s2 $s3"
  for port in $p1 $p2; do start_redis "$port"; done
  for port in $s1 $s2 $s3; do
    cat >"$CLUSTER_DIR/redis/sentinel-$port.conf" <<EOF
port $port
bind 127.0.0.1
daemonize no
dir $CLUSTER_DIR/redis
sentinel monitor wxops 127.0.0.1 $p1 2
sentinel down-after-milliseconds wxops 2000
sentinel failover-timeout wxops 10000
sentinel parallel-syncs wxops 1
EOF
    spawn "sentinel-$port" redis-server "$CLUSTER_DIR/redis/sentinel-$port.conf" --sentinel
  done

  log "TcpProxy 127.0.0.1:$DB_PROXY_PORT -> $DB_HOST; WeChat simulator $WECHAT_API_URL"
  spawn db-proxy java -Xmx64m -XX:+UseSerialGC -jar "$WX_LOCAL_JAR" tcp-proxy --listen="$DB_PROXY_PORT" \
    --target="$DB_HOST" --control-port="$DB_PROXY_CONTROL"
  spawn wechat java -Xmx256m -XX:+UseSerialGC -jar "$WX_LOCAL_JAR" wechat --api-port="$WECHAT_API_PORT" \
    --control-port="$WECHAT_CONTROL" --follower-port="$FOLLOWER_PORT" --gateway="$GATEWAY_URL" --home="$CLUSTER_HOME"

  write_haproxy
  spawn haproxy haproxy -db -f "$CLUSTER_DIR/haproxy.cfg"

  wait_http "$WECHAT_CONTROL_URL/counts" 120 wechat
  # All at once: Flyway takes a database lock, so the first migrates and the others wait for
  # it; the seeding (the demo account, people and inbox, which the exec jars do not hold)
  # runs meanwhile in a process of its own.
  for s in $SERVICES; do start_service "$s"; done
  log "seeding the demo account, people and inbox"
  env WXOPS_DB_URL="$SERVICE_DB_URL" WXOPS_DB_USERNAME="$DB_USER" WXOPS_DB_PASSWORD="$DB_PASSWORD" \
    WXOPS_REDIS_SENTINELS="$REDIS_SENTINELS" WXOPS_REDIS_SENTINEL_MASTER="$REDIS_MASTER" \
    WXOPS_REDIS_KEY_PREFIX="$KEY_PREFIX" WXOPS_SECRET_KEY="$SECRET_KEY" WXOPS_WECHAT_API_HOST="$WECHAT_API_URL" \
    WXOPS_AUDIT_HMAC_KEY="$AUDIT_HMAC_KEY" WXOPS_AUDIT_SIGNING_KEY="$AUDIT_SIGNING_KEY" \
    java -Xmx448m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$WX_LOCAL_JAR" seed --home="$CLUSTER_HOME" >"$CLUSTER_DIR/logs/seed.log" 2>&1 \
    || { tail -30 "$CLUSTER_DIR/logs/seed.log" >&2; die "seeding failed (log: $CLUSTER_DIR/logs/seed.log)"; }
  for s in $SERVICES; do wait_service "$s"; done
  wait_http "$GATEWAY_URL/actuator/health" 30
  wait_http "$ADMIN_URL/actuator/health" 30
  cat <<EOF
wxops cluster is up (state and logs in $CLUSTER_DIR)
  gateways (HAProxy):  $GATEWAY_URL   -> gw1 :$GW1_PORT, gw2 :$GW2_PORT
  admin API (HAProxy): $ADMIN_URL   -> admin1 :$ADMIN1_PORT, admin2 :$ADMIN2_PORT
  Redis:               primary :${REDIS_PORTS%,*}, replica :${REDIS_PORTS#*,}, Sentinels $REDIS_SENTINELS (master "$REDIS_MASTER")
  database:            $DB_NAME on $DB_HOST, through the TcpProxy :$DB_PROXY_PORT (control $DB_PROXY_CONTROL_URL)
  WeChat simulator:    API $WECHAT_API_URL, control $WECHAT_CONTROL_URL
  follower:            curl -X POST 'http://127.0.0.1:$FOLLOWER_PORT/simulate/send?openid=o_demo_follower&type=text' --data-urlencode 'content=你好'
  demo logins:         password in $CLUSTER_HOME/local-demo-password
  stop:                CLUSTER_DIR=$CLUSTER_DIR $SCRIPT down
EOF
}

start_redis() {
  local port=$1 extra=()
  mkdir -p "$CLUSTER_DIR/redis/$port"
  if [[ "$port" != "${REDIS_PORTS%,*}" && -z "${2:-}" ]]; then extra=(--replicaof 127.0.0.1 "${REDIS_PORTS%,*}"); fi
  spawn "redis-$port" redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$CLUSTER_DIR/redis/$port" "${extra[@]}"
  local deadline=$((SECONDS + 20))
  until redis-cli -p "$port" ping >/dev/null 2>&1; do ((SECONDS < deadline)) || die "redis $port did not start"; sleep 0.2; done
}

write_haproxy() {
  local GATEWAY_MAXCONN=${WXOPS_CLUSTER_GATEWAY_MAXCONN:-32}
  cat >"$CLUSTER_DIR/haproxy.cfg" <<EOF
global
    maxconn 8192

defaults
    mode http
    timeout connect 1s
    timeout client 30s
    timeout server 30s
    timeout http-keep-alive 10s
    # A health check may take this long: without it HAProxy allows "inter" (500 ms), and a busy
    # but healthy instance would be taken out, sometimes both at once.
    timeout check 2s
    # A connection refused or reset before any answer goes to the other instance.
    retries 3
    option redispatch 1
    option allbackups
    default-server inter 500ms fastinter 250ms downinter 500ms fall 2 rise 2

frontend gateways
    bind 127.0.0.1:$GATEWAY_LB_PORT
    default_backend gateways

backend gateways
    # The instance with fewer requests in progress: a slow one (starting, or in a GC pause)
    # gets less, not an equal share.
    balance leastconn
    option httpchk GET /actuator/health
    http-check expect status 200
    # A callback is idempotent (stored once by its dedup key), so an instance dying mid-request
    # costs WeChat nothing: the request is tried on the other one.
    retry-on conn-failure empty-response
    # Overload: each instance works on at most GATEWAY_MAXCONN callbacks at once (its database
    # pool holds 32 connections); the rest wait here, and one that waited "timeout queue" gets a
    # 503 at once, which WeChat retries, instead of an answer after WeChat's 5 s, which it would
    # retry too, but with the instance's time spent on it. It also keeps the instances' threads
    # free for the health checks, so a busy instance is not taken for a dead one.
    timeout queue 2s
    # An instance that has just come up (a restart) gets its share over 10 s, not at once:
    # its JIT has not compiled the callback path yet.
    server gw1 127.0.0.1:$GW1_PORT check maxconn $GATEWAY_MAXCONN slowstart 10s
    server gw2 127.0.0.1:$GW2_PORT check maxconn $GATEWAY_MAXCONN slowstart 10s
    # Fail open: when no check passes (both instances too busy to answer one in time, or one
    # restarting and the other slow), the requests still go to the instances, unchecked, rather
    # than HAProxy answering 503 itself; a refused connection is retried on the other one.
    server gw1-open 127.0.0.1:$GW1_PORT backup maxconn $GATEWAY_MAXCONN
    server gw2-open 127.0.0.1:$GW2_PORT backup maxconn $GATEWAY_MAXCONN

frontend admin
    bind 127.0.0.1:$ADMIN_LB_PORT
    default_backend admin

backend admin
    balance roundrobin
    option httpchk GET /actuator/health
    http-check expect status 200
    server admin1 127.0.0.1:$ADMIN1_PORT check
    server admin2 127.0.0.1:$ADMIN2_PORT check
    server admin1-open 127.0.0.1:$ADMIN1_PORT backup
    server admin2-open 127.0.0.1:$ADMIN2_PORT backup
EOF
}

cmd_down() {
  [[ -d "$CLUSTER_DIR/pids" ]] || { log "nothing at $CLUSTER_DIR"; return 0; }
  for f in "$CLUSTER_DIR"/pids/*.pid; do
    [[ -f "$f" ]] || continue
    local name; name=$(basename "$f" .pid)
    local pid; pid=$(cat "$f")
    kill -0 "$pid" 2>/dev/null && stop_pid "$pid" "$name" &
  done
  wait
  if [[ -f "$ENV_FILE" ]]; then
    load_env
    MYSQL_PWD="$DB_PASSWORD" mysql -h"${DB_HOST%:*}" -P"${DB_HOST#*:}" -u"$DB_USER" \
      -e "DROP DATABASE IF EXISTS \`$DB_NAME\`" || log "could not drop $DB_NAME"
  fi
  if [[ "${WXOPS_CLUSTER_KEEP:-}" != 1 ]]; then rm -rf "$CLUSTER_DIR"; else rm -f "$ENV_FILE"; fi
  log "cluster stopped"
}

cmd_status() {
  load_env
  for f in "$CLUSTER_DIR"/pids/*.pid; do
    local name; name=$(basename "$f" .pid)
    if alive "$name"; then echo "$name running (pid $(pid_of "$name"))"; else echo "$name stopped"; fi
  done
}

redis_primary_port() {
  local s
  for s in ${REDIS_SENTINELS//,/ }; do
    redis-cli -p "${s#*:}" sentinel get-master-addr-by-name "$REDIS_MASTER" 2>/dev/null | sed -n 2p && return 0
  done
  return 1
}

cmd_sendall_holder() {
  # The admin instance whose thread waits in WeChat's mass-send call (a thread dump of each).
  local s
  for s in admin1 admin2; do
    alive "$s" || continue
    if jcmd "$(pid_of "$s")" Thread.print 2>/dev/null | grep -q 'WxMpMassMessageServiceImpl\.mass'; then echo "$s"; return 0; fi
  done
  die "no admin instance is in a mass-send call"
}

main() {
  local command=${1:-}; shift || true
  case "$command" in
    up) cmd_up ;;
    down) cmd_down ;;
    status) cmd_status ;;
    kill) load_env; alive "$1" && kill -KILL "$(pid_of "$1")"; log "$1 killed (-9)"; echo killed ;;
    stop) load_env; stop_pid "$(pid_of "$1")" "$1"; echo stopped ;;
    start) load_env; start_service "$1"; wait_service "$1"; echo started ;;
    start-async) load_env; start_service "$1"; echo starting ;;
    restart)
      load_env; stop_pid "$(pid_of "$1")" "$1"; start_service "$1"; wait_service "$1"
      # Both health checks in a row (rise 2 x 500 ms) before the next instance goes.
      sleep 1.5; echo restarted ;;
    redis-kill-primary)
      load_env; local port; port=$(redis_primary_port) || die "no Sentinel answers"
      kill -KILL "$(pid_of "redis-$port")"; echo "$port" >"$CLUSTER_DIR/redis-old"; log "Redis primary :$port killed (-9)"; echo "$port" ;;
    redis-restart-old)
      load_env; local old; old=$(cat "$CLUSTER_DIR/redis-old")
      # Sentinel makes the returning old primary a replica of the new one.
      start_redis "$old" as-is; echo "$old" ;;
    db-cut) load_env; curl -sf -X POST "$DB_PROXY_CONTROL_URL/cut"; echo ;;
    db-restore) load_env; curl -sf -X POST "$DB_PROXY_CONTROL_URL/restore"; echo ;;
    sendall-holder) load_env; cmd_sendall_holder ;;
    *) sed -n '2,20p' "$SCRIPT"; exit 2 ;;
  esac
}

# On one line with its exit, so an edit of this file while it runs cannot run anything after it.
main "$@"; exit $?
