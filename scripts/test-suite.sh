#!/usr/bin/env bash
# ./huddle test [fast|e2e|all] [maven args]: the test suite, quiet when it passes, ending with one
# summary line counted from the surefire and failsafe reports.
#   fast  every module's own tests: rules, codecs, single-service tests (one-node cluster)
#   e2e   system-tests: several services, real processes, the README, ./huddle, deployment files
#   all   both (one Maven run)
# Expects JAVA_HOME set (./huddle does it). A test's own output is in target/*-reports/*-output.txt.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

lane="${1:-all}"
shift || true
case "$lane" in
  fast) lane_args=(-Dhuddle.skip.e2e=true) ;;
  e2e) lane_args=(-Dhuddle.skip.fast=true) ;;
  all) lane_args=() ;;
  *) echo "test-suite: unknown lane '$lane' (fast, e2e, all)" >&2; exit 2 ;;
esac

# reports of an earlier run would be counted again
find "$ROOT" -path "$ROOT/.git" -prune -o -type d \( -name surefire-reports -o -name failsafe-reports \) \
  -path '*/target/*' -prune -exec rm -rf {} +

echo "Testing, lane '$lane', JDK $JAVA_HOME: ./mvnw -q -B -ntp verify ${lane_args[*]} $*"
started=$SECONDS
status=0
./mvnw -q -B -ntp verify "${lane_args[@]}" "$@" || status=$?

# <testsuite ... tests="N" errors="N" skipped="N" failures="N"> of every report
summary="$(find "$ROOT" -path "$ROOT/.git" -prune -o -path '*/target/*-reports/TEST-*.xml' -print0 \
  | xargs -0 -r awk '
      /<testsuite[ >]/ {
        for (i = 1; i <= NF; i++) {
          if (match($i, /^(tests|errors|skipped|failures)="[0-9]+"/)) {
            split($i, kv, "\""); key = substr($i, 1, index($i, "=") - 1); count[key] += kv[2]
          }
        }
        classes++
        nextfile
      }
      END {
        failed = count["failures"] + count["errors"]
        printf "%d test classes; ", classes
        printf "\n%d passed, %d failed, %d skipped\n", count["tests"] - failed - count["skipped"], failed, count["skipped"]
      }' 2>/dev/null || true)"
if [[ -z "$summary" ]]; then
  summary=$'0 test classes; \n0 passed, 0 failed, 0 skipped'
fi
echo "${summary%%$'\n'*}lane '$lane' in $((SECONDS - started)) s$( ((status == 0)) || echo ", Maven exit status $status")"
echo "Tests: ${summary#*$'\n'}"
exit "$status"
