#!/usr/bin/env bash
# Figures for the hostile inputs of the reliability work: each case through
# gleaner-cli on a scratch library, with its exit code, the first line it
# printed, wall time and peak RSS (GNU time). What each case must do is
# asserted by the CLI tests (tests/cli); this prints what it costs.
#
#   tests/bench/hostile-inputs.sh [BUILD_DIR]      (default build/release)
set -uo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build/release}
cli=$build/app/gleaner-cli
[ -x "$cli" ] || { echo "hostile-inputs: no $cli; build first (make build)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "hostile-inputs: needs GNU time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
lib=$work/library.sqlite3
"$cli" --library "$lib" import tests/data/library/day1.txt >/dev/null

mkfifo "$work/fifo.txt"
ln -s /dev/zero "$work/zero.txt"
# 60 MiB of "a\n", under the 64 MiB cap: the parser's worst shape once.
head -c $((30 << 20)) /dev/zero | tr '\0' '\n' | sed 's/^/a/' >"$work/short-lines.txt"
head -c 4096 /dev/zero | gzip >"$work/nul.gz"
python3 - "$work" <<'PY'
import sys
d = sys.argv[1]
open(d + "/filters.txt", "w").write(" ".join("tag:t%d" % i for i in range(2000)))
PY

printf '| case | exit | what it said (stderr, else stdout) | time | peak RSS |\n|---|---|---|---|---|\n'
row() {
  local name=$1; shift
  local out=$work/out errs=$work/err rss=$work/rss
  local t0 t1
  t0=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$rss" timeout 60 "$@" >"$out" 2>"$errs" </dev/null
  local code=$?
  t1=$(date +%s.%N)
  local first
  first=$( (grep -v '^$' "$errs"; grep -v '^$' "$out") | head -1 | sed "s|$work/||g" |
    cut -c1-120 | sed 's/|/\\|/g')
  printf '| %s | %s | %s | %.2f s | %d MB |\n' "$name" "$code" "$first" \
    "$(echo "$t1 - $t0" | bc)" "$(( $(tail -1 "$rss") / 1024 ))"
}
row "import a link to /dev/zero" "$cli" --library "$lib" import "$work/zero.txt"
row "import /dev/zero" "$cli" --library "$lib" import /dev/zero
row "import a FIFO without writer" "$cli" --library "$lib" import "$work/fifo.txt"
row "import - < /dev/zero" bash -c "'$cli' --library '$lib' import - </dev/zero"
row "import 60 MiB of short lines" "$cli" --library "$lib" import "$work/short-lines.txt"
row "import a gzip of NUL bytes" "$cli" --library "$lib" import "$work/nul.gz"
row "import a tar bomb" "$cli" --library "$lib" import tests/data/archives/bomb.tar.bz2
row "import links in a zip" "$cli" --library "$lib" import tests/data/archives/links.zip
row "search with control characters and quotes" "$cli" --library "$lib" search $'a\x01b "un"terminated "'
row "search with 2000 tag: filters" bash -c "'$cli' --library '$lib' search \$(cat '$work/filters.txt')"
: >"$work/empty.sqlite3"
row "stats on an empty file" "$cli" --library "$work/empty.sqlite3" stats
