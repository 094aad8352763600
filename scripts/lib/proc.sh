# Background processes tracked by PID files: start, stop by PID, and wait for health.
# shellcheck shell=bash

pid_file() { printf '%s/%s.pid' "$PID_DIR" "$1"; }

is_running() { # name
  local file pid
  file=$(pid_file "$1")
  [[ -f "$file" ]] || return 1
  pid=$(<"$file")
  kill -0 "$pid" 2>/dev/null
}

# Starts a command in the background with its output in $LOG_DIR/NAME.log; no-op if running.
start_process() { # name command...
  local name=$1
  shift
  mkdir -p "$LOG_DIR" "$PID_DIR"
  if is_running "$name"; then
    log "$name already running (pid $(<"$(pid_file "$name")"))"
    return 0
  fi
  setsid "$@" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  echo $! >"$(pid_file "$name")"
  log "started $name (pid $!)"
}

# Stops the process recorded for NAME: TERM, then KILL after a grace period.
stop_process() { # name
  local name=$1 file pid i
  file=$(pid_file "$name")
  [[ -f "$file" ]] || return 0
  pid=$(<"$file")
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      # An exited child not yet reaped by init still answers kill -0; it is gone all the same.
      [[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" == Z ]] && break
      sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
    log "stopped $name (pid $pid)"
  fi
  rm -f "$file"
}

# Polls an HTTPS URL until it answers 2xx, or fails after TIMEOUT seconds.
wait_for_https() { # name url cacert [timeout]
  local name=$1 url=$2 cacert=$3 timeout=${4:-60} i
  for ((i = 0; i < timeout * 5; i++)); do
    if curl -fsS --cacert "$cacert" "$url" >/dev/null 2>&1; then
      return 0
    fi
    if ! is_running "$name"; then
      tail -n 20 "$LOG_DIR/$name.log" >&2 || true
      die "$name exited while starting; its log is $LOG_DIR/$name.log"
    fi
    sleep 0.2
  done
  die "$name did not become healthy at $url within ${timeout}s; its log is $LOG_DIR/$name.log"
}

# Polls a TCP port until something listens.
wait_for_port() { # name port [timeout]
  local name=$1 port=$2 timeout=${3:-60} i
  for ((i = 0; i < timeout * 5; i++)); do
    (exec 3<>"/dev/tcp/$HOST/$port") 2>/dev/null && return 0
    is_running "$name" || die "$name exited while starting; its log is $LOG_DIR/$name.log"
    sleep 0.2
  done
  die "$name is not listening on $port within ${timeout}s; its log is $LOG_DIR/$name.log"
}
