#!/usr/bin/env bash
# Quick side-by-side benchmark of a running platform (any build), in one run:
#   orders/s with p50/p99 through the gateway and straight at order-service (POST /api/orders, unique
#   Idempotency-Key per request), GET /api/users/me and GET /api/products through the gateway and
#   direct, the CPU each process spent per request (utime+stime from /proc/<pid>/stat before and
#   after each load, divided by the requests), and pgbench's order-like transaction on the
#   platform's PostgreSQL. Prints every figure in one table at the end.
#
# Usage:
#   performance-tests/bench/compare.sh --ready-file FILE        (run-platform --ready-file FILE)
#   performance-tests/bench/compare.sh --gateway URL --user-service URL --order-service URL [--pg URL]
# Options: --duration S (each load, default 10), --connections N (default 8), --warm-up S (default 3),
#          --pg postgresql://postgres@127.0.0.1:PORT/platform (default: the ready file's postgres=,
#          else the default port 15432), --no-pgbench, --only orders,me,products (the workloads
#          to run, default all three; alternating rounds of two builds need only orders).
# Needs wrk, curl, ss and pgbench. Loopback only; every load is bounded by its duration.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
duration=10
connections=8
warm_up=3
ready_file=
gateway=
user_service=
order_service=
pg_url=
run_pgbench=1
only=orders,me,products

while [ $# -gt 0 ]; do
	case "$1" in
		--ready-file) ready_file=$2; shift 2 ;;
		--gateway) gateway=$2; shift 2 ;;
		--user-service) user_service=$2; shift 2 ;;
		--order-service) order_service=$2; shift 2 ;;
		--pg) pg_url=$2; shift 2 ;;
		--duration) duration=$2; shift 2 ;;
		--connections) connections=$2; shift 2 ;;
		--warm-up) warm_up=$2; shift 2 ;;
		--no-pgbench) run_pgbench=0; shift ;;
		--only) only=$2; shift 2 ;;
		-h|--help) sed -n '2,18p' "$0"; exit 0 ;;
		*) echo "compare.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
	esac
done

ready() { # key -> value from the ready file, empty if absent
	[ -n "$ready_file" ] && sed -n "s/^$1=//p" "$ready_file" | head -n1 || true
}
if [ -n "$ready_file" ]; then
	[ -r "$ready_file" ] || { echo "compare.sh: cannot read $ready_file" >&2; exit 2; }
	gateway=${gateway:-$(ready gateway)}
	user_service=${user_service:-$(ready user-service)}
	order_service=${order_service:-$(ready order-service)}
	pg_url=${pg_url:-$(ready postgres)}
fi
pg_url=${pg_url:-postgresql://postgres@127.0.0.1:15432/platform}
for pair in "gateway=$gateway" "user-service=$user_service" "order-service=$order_service"; do
	[ -n "${pair#*=}" ] || { echo "compare.sh: no URL for ${pair%%=*} (--ready-file or --${pair%%=*})" >&2; exit 2; }
done
for tool in wrk curl ss; do
	command -v "$tool" >/dev/null || { echo "compare.sh: $tool is not installed (Debian: apt-get install $tool)" >&2; exit 2; }
done
if [ "$run_pgbench" = 1 ] && ! command -v pgbench >/dev/null; then
	echo "compare.sh: pgbench is not installed (Debian: apt-get install postgresql-client), or pass --no-pgbench" >&2
	exit 2
fi

host_of() { local rest=${1#*://}; rest=${rest#*@}; rest=${rest%%/*}; echo "${rest%:*}"; }
port_of() { local rest=${1#*://}; rest=${rest#*@}; rest=${rest%%/*}; echo "${rest##*:}"; }
for url in "$gateway" "$user_service" "$order_service" "$pg_url"; do
	case "$(host_of "$url")" in
		127.0.0.1|localhost|::1|\[::1\]) ;;
		*) echo "compare.sh: $url is not loopback; this benchmark targets this machine only" >&2; exit 2 ;;
	esac
done

# The processes whose CPU is counted, found by their listening port (works with any build's ready file).
pid_on_port() {
	ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}
payment_service=$(ready payment-service)
declare -A pids=()
pids[gateway]=$(pid_on_port "$(port_of "$gateway")")
pids[user-service]=$(pid_on_port "$(port_of "$user_service")")
pids[order-service]=$(pid_on_port "$(port_of "$order_service")")
[ -n "$payment_service" ] && pids[payment-service]=$(pid_on_port "$(port_of "$payment_service")")
psp=$(ready psp-sandbox)
[ -n "$psp" ] && pids[psp-sandbox]=$(pid_on_port "$(port_of "$psp")")
pids[postgres]=$(pid_on_port "$(port_of "$pg_url")")
# The broker (kafka=host:port in the ready file) carries the services' events.
kafka=$(ready kafka)
[ -n "$kafka" ] && pids[kafka]=$(pid_on_port "$(port_of "$kafka")")
processes=()
for name in gateway user-service order-service payment-service psp-sandbox postgres kafka; do
	if [ -n "${pids[$name]:-}" ]; then
		processes+=("$name")
	else
		[ "$name" = kafka ] && [ -z "$kafka" ] && continue # a build without a broker
		echo "compare.sh: no pid for $name (not listening, or ss cannot see it): its CPU column stays empty" >&2
	fi
done
ticks_per_second=$(getconf CLK_TCK)

cpu_ticks() { # pid -> utime+stime of it and its children's live processes (postgres backends)
	local total=0 pid
	for pid in "$1" $(ps -o pid= --ppid "$1" 2>/dev/null); do
		[ -r "/proc/$pid/stat" ] || continue
		# fields after the command name, which is in parentheses and may hold spaces
		set -- $(sed 's/.*) //' "/proc/$pid/stat")
		total=$(( total + ${12} + ${13} ))
	done
	echo "$total"
}
snapshot() { local name; for name in "${processes[@]}"; do printf '%s=%s ' "$name" "$(cpu_ticks "${pids[$name]}")"; done; }

# One user per connection's worth of orders, registered and logged in before anything is measured.
email_prefix="bench-$(date +%s)-$$"
tokens=()
for i in 1 2 3 4; do
	email="$email_prefix-$i@example.com"
	curl -fsS -o /dev/null -H 'Content-Type: application/json' \
		-d "{\"email\":\"$email\",\"password\":\"correct horse battery staple\",\"name\":\"Bench\"}" \
		"$gateway/api/auth/register"
	token=$(curl -fsS -H 'Content-Type: application/json' \
		-d "{\"email\":\"$email\",\"password\":\"correct horse battery staple\"}" "$gateway/api/auth/login" |
		sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
	[ -n "$token" ] || { echo "compare.sh: login through $gateway gave no accessToken" >&2; exit 1; }
	tokens+=("$token")
done

to_ms() { # wrk's 1.23ms / 456.78us / 1.02s -> milliseconds
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /m$/) n *= 60000; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

rows=()
declare -A rate=()
run_load() { # label target url [wrk args...]
	local label=$1 target=$2 url=$3; shift 3
	case ",$only," in *",$label,"*) ;; *) return 0 ;; esac
	# wrk takes the URL before the script's arguments (after --)
	wrk -t2 -c"$connections" -d"${warm_up}s" --timeout 10s "$url" "$@" >/dev/null
	local before after out requests
	before=$(snapshot)
	out=$(wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency "$url" "$@")
	after=$(snapshot)
	requests=$(echo "$out" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
	local rps p50 p99 errors cpu="" name b a
	rps=$(echo "$out" | sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p')
	p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
	p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
	# non-2xx answers plus connect/read/write errors and timeouts (wrk prints these lines only when not 0)
	errors=$(echo "$out" | awk '/Non-2xx or 3xx responses:/ { n += $NF }
		/Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }')
	for name in "${processes[@]}"; do
		b=$(echo "$before" | tr ' ' '\n' | sed -n "s/^$name=//p")
		a=$(echo "$after" | tr ' ' '\n' | sed -n "s/^$name=//p")
		cpu+=$(awk -v d=$(( a - b )) -v r="$requests" -v hz="$ticks_per_second" \
			'BEGIN { if (r > 0) printf " %7.3f", d * 1000 / hz / r; else printf " %7s", "-" }')
	done
	rate[$label/$target]=$rps
	rows+=("$(printf '%-10s %-8s %10.1f %8s %8s %7s%s' "$label" "$target" "$rps" "$p50" "$p99" "$errors" "$cpu")")
	echo "  $label $target: $rps req/s, p50 $p50 ms, p99 $p99 ms, $errors errors" >&2
}

echo "compare.sh: $duration s per load after $warm_up s of warm-up, $connections connections, wrk -t2; gateway $gateway" >&2
run_id="$(date +%s)$$"
run_load orders gateway "$gateway" -s "$here/order.lua" -- "$run_id-g" "${tokens[@]}"
run_load orders direct "$order_service" -s "$here/order.lua" -- "$run_id-d" "${tokens[@]}"
run_load me gateway "$gateway/api/users/me" -H "Authorization: Bearer ${tokens[0]}"
run_load me direct "$user_service/api/users/me" -H "Authorization: Bearer ${tokens[0]}"
run_load products gateway "$gateway/api/products"
run_load products direct "$order_service/api/products"

tps=n/a
if [ "$run_pgbench" = 1 ]; then
	pg_host=$(host_of "$pg_url"); pg_port=$(port_of "$pg_url"); pg_db=${pg_url##*/}
	pgb() { PGOPTIONS='-c client_min_messages=warning' pgbench -h "$pg_host" -p "$pg_port" -U postgres "$@" "$pg_db"; }
	pgb -n -t 1 -c 1 -f "$here/order-schema.sql" >/dev/null
	tps=$(pgb -n -M prepared -c 8 -j 2 -T "$duration" -f "$here/order-transaction.sql" 2>&1 |
		sed -n 's/^tps = \([0-9]*\)[0-9.]* (without initial connection time).*/\1/p')
	pgb -n -t 1 -c 1 -f "$here/drop-schema.sql" >/dev/null
fi

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else printf "n/a" }'; }
echo
echo "Platform benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(. /etc/os-release && echo "$PRETTY_NAME"), wrk -t2 -c$connections -d${duration}s"
printf '%-10s %-8s %10s %8s %8s %7s' workload target "req/s" "p50 ms" "p99 ms" errors
for name in "${processes[@]}"; do printf ' %7s' "${name:0:7}"; done
echo "   (CPU ms per request per process)"
printf '%s\n' "${rows[@]}"
echo
printf '%-44s %s\n' "gateway/direct orders/s" "$(ratio "${rate[orders/gateway]:-}" "${rate[orders/direct]:-}")"
printf '%-44s %s\n' "gateway/direct GET /api/users/me" "$(ratio "${rate[me/gateway]:-}" "${rate[me/direct]:-}")"
printf '%-44s %s\n' "gateway/direct GET /api/products" "$(ratio "${rate[products/gateway]:-}" "${rate[products/direct]:-}")"
printf '%-44s %s\n' "pgbench order-like tps (8 clients, ${duration} s)" "$tps"
printf '%-44s %s\n' "gateway orders/s / pgbench tps" "$([ "$tps" = n/a ] && echo n/a || ratio "${rate[orders/gateway]:-}" "$tps")"
