#!/usr/bin/env bash
# Takes a screenshot of every desktop-client screen into docs/screenshots/: ScreenshotTour (and
# AccountWindowTest for the account settings and the TLS login form) runs
# against real services started in the test, in a virtual X display (xvfb-run) when there is none.
# Needs: xvfb and libgtk-3-0 (apt-get install xvfb libgtk-3-0).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/find-jdk.sh
source "$ROOT/scripts/find-jdk.sh"
jdk_require
exec ./mvnw -q -B -pl client/desktop -am test -Dsurefire.failIfNoSpecifiedTests=false \
  -Dtest=ScreenshotTour,AccountWindowTest -Dhuddle.screenshots="$ROOT/docs/screenshots"
