#!/usr/bin/env bash
# The fault suite: starts a fresh cluster (cluster.sh up), runs the scenarios against it and
# stops it again, whatever happens; capped at 20 minutes. Arguments go to the suite, e.g.
#   src/cluster/fault-suite.sh                                # all six scenarios, full counts
#   src/cluster/fault-suite.sh --scenarios=1,3,4 --messages=2000 --rate=50 --seconds=20
# The reports are printed and appended to $REPORT (default target/fault-suite-report.txt).
# Exit status 0 only when every scenario passed.
set -euo pipefail

main() {
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  CAP_SECONDS=${WXOPS_FAULT_SUITE_CAP:-1200}
  export CLUSTER_DIR="${CLUSTER_DIR:-/tmp/wxops-cluster-$$}"
  REPORT="${REPORT:-$ROOT/target/fault-suite-report.txt}"
  mkdir -p "$(dirname "$REPORT")"
  started=$SECONDS

  cleanup() { "$ROOT/src/cluster/cluster.sh" down || true; }
  trap cleanup EXIT
  trap 'exit 130' INT TERM

  echo "fault suite $(date -u +%FT%TZ) on $(nproc) cores; $(uptime)" | tee -a "$REPORT"
  timeout $((CAP_SECONDS / 2)) "$ROOT/src/cluster/cluster.sh" up
  set -a; . "$CLUSTER_DIR/cluster.env"; set +a
  echo "cluster up in $((SECONDS - started)) s" | tee -a "$REPORT"
  left=$((CAP_SECONDS - (SECONDS - started) - 60))
  ((left > 60)) || { echo "no time left for the suite" >&2; exit 1; }
  status=0
  timeout "$left" java -Xmx512m -jar "$WX_LOCAL_JAR" fault-suite --cluster="$CLUSTER_DIR" --report="$REPORT" "$@" || status=$?
  echo "fault suite done in $((SECONDS - started)) s; $(uptime)" | tee -a "$REPORT"
  exit $status
}

# On one line with its exit, so an edit of this file while it runs cannot run anything after it.
main "$@"; exit $?
