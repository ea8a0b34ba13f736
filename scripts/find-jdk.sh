# shellcheck shell=bash
# Finds a JDK that can build and run Huddle (21 or newer) and exports JAVA_HOME.
# Sourced by ./huddle and .ci/run; defines functions only.
#
#   jdk_find      sets and exports JAVA_HOME (and puts its bin first on PATH); returns 1 if none is found
#   jdk_require   the same, but prints how to install one and exits 1 when none is found
#
# Search order: $JAVA_HOME, then `java` on PATH, then the newest /usr/lib/jvm/*.

HUDDLE_MIN_JAVA=21

# Prints the feature version of a java binary ("17.0.15" -> 17, "21" -> 21, "25-ea" -> 25,
# "1.8.0_392" -> 8), or nothing if it cannot be run or read.
jdk_major() {
  local java_bin="$1"
  local output line version
  [[ -x "$java_bin" ]] || return 0
  output="$("$java_bin" -version 2>&1)" || return 0
  # JAVA_TOOL_OPTIONS and friends may print lines before the version line: look for it.
  while IFS= read -r line; do
    if [[ "$line" =~ version\ \"([0-9][^\"]*)\" ]]; then
      version="${BASH_REMATCH[1]}"
      break
    fi
  done <<<"$output"
  [[ -n "${version:-}" ]] || return 0
  if [[ "$version" =~ ^1\.([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]}"
  elif [[ "$version" =~ ^([0-9]+) ]]; then
    echo "${BASH_REMATCH[1]}"
  fi
}

# True when the java binary exists and is at least HUDDLE_MIN_JAVA.
jdk_is_usable() {
  local major
  major="$(jdk_major "$1")"
  [[ -n "$major" && "$major" -ge "$HUDDLE_MIN_JAVA" ]]
}

jdk_use() {
  JAVA_HOME="$1"
  export JAVA_HOME
  PATH="$JAVA_HOME/bin:$PATH"
  export PATH
}

jdk_find() {
  local candidate java_on_path best_home="" best_major=0 major

  if [[ -n "${JAVA_HOME:-}" ]] && jdk_is_usable "$JAVA_HOME/bin/java"; then
    jdk_use "$JAVA_HOME"
    return 0
  fi

  java_on_path="$(command -v java || true)"
  if [[ -n "$java_on_path" ]]; then
    java_on_path="$(readlink -f "$java_on_path")"
    if jdk_is_usable "$java_on_path"; then
      # .../bin/java -> ...
      jdk_use "$(dirname "$(dirname "$java_on_path")")"
      return 0
    fi
  fi

  for candidate in /usr/lib/jvm/*; do
    [[ -x "$candidate/bin/java" ]] || continue
    major="$(jdk_major "$candidate/bin/java")"
    [[ -n "$major" ]] || continue
    if [[ "$major" -ge "$HUDDLE_MIN_JAVA" && "$major" -gt "$best_major" ]]; then
      best_major="$major"
      best_home="$candidate"
    fi
  done
  if [[ -n "$best_home" ]]; then
    jdk_use "$best_home"
    return 0
  fi
  return 1
}

jdk_require() {
  if ! jdk_find; then
    echo "Huddle needs a JDK $HUDDLE_MIN_JAVA or newer. On Debian/Ubuntu: sudo apt-get install" \
      "openjdk-21-jdk-headless (or temurin-21-jdk); then re-run." >&2
    exit 1
  fi
}
