#!/bin/bash
# The layering rules of docs/architecture.md, checked over the source tree:
#   sql      SQL text (SELECT/INSERT/UPDATE/DELETE in a string literal) outside core/storage/
#   sqlite   a sqlite3_ call or <sqlite3.h> outside core/storage/
#   layer    a core layer including a layer the table does not allow; app/cli including ui/
#   private  a _p.h header included from outside its own folder
# tests/ may use SQL (fixtures look at the file directly) but not private headers.
# Each violation is one line "kind path:line: text". A line of layers-allow.txt
# ("kind path  reason") excuses that kind of violation in that file while it is
# being fixed; the file is meant to be empty.
# Usage: check-layers.sh [SOURCE_DIR]   (default: the repository holding this script)
set -u
root=${1:-$(cd "$(dirname "$0")/../.." && pwd)}
allow="$root/tests/core/layers-allow.txt"
cd "$root" || exit 2

# The layer table of docs/architecture.md ("| ingest, backup | model, search, storage |"):
# allowed[layer] = the layers it may include, itself among them. "core" stands for
# every core layer; other words (Qt Core, WebEngine) are not layers of ours.
core_layers=$(cd core && find . -mindepth 1 -maxdepth 1 -type d | sed 's|^\./||' | sort | tr '\n' ' ')
declare -A allowed=()
while IFS='|' read -r _ who may _; do
    for layer in ${who//,/ }; do
        list=" $layer "
        for dep in ${may//,/ }; do
            [ "$dep" = core ] && list+="$core_layers "
            list+="$dep "
        done
        allowed[$layer]=$list
    done
done < <(sed -n '/^| layer | may include |/,/^$/p' docs/architecture.md | grep -vE '^\| *(layer|-)')
if [ ${#allowed[@]} = 0 ]; then
    echo "check-layers: no layer table found in docs/architecture.md" >&2
    exit 2
fi
allowed_for() { echo "${allowed[$1]:-}"; }

violations=()
report() { violations+=("$1 $2"); }

# Tracked and new files when this is a git checkout, else every file.
sources() {
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
        git ls-files --cached --others --exclude-standard -- "$@"
    else
        find "$@" -type f
    fi | grep -E '\.(cpp|h|hpp|cc)$' | sort -u
}

# sql and sqlite: everything outside core/storage/ and tests/.
while IFS= read -r file; do
    case $file in core/storage/* | tests/*) continue ;; esac
    while IFS= read -r hit; do
        report sql "$file:$hit"
    done < <(grep -nE '"[^"]*\b(SELECT|INSERT|UPDATE|DELETE)\b' "$file")
    while IFS= read -r hit; do
        report sqlite "$file:$hit"
    done < <(grep -nE 'sqlite3_|<sqlite3\.h>' "$file")
done < <(sources core ui app)

# layer: what each core layer, and app/cli, includes.
while IFS= read -r file; do
    [[ $file == core/*/* ]] || continue # core's own files (logging.h)
    layer=$(echo "$file" | cut -d/ -f2)
    ok=" $(allowed_for "$layer") "
    if [ "$ok" = "  " ]; then
        report layer "$file:1: core/$layer/ is not a layer of docs/architecture.md"
        continue
    fi
    while IFS=: read -r line include; do
        target=$(echo "$include" | sed -E 's/.*#include "([^"]*)".*/\1/')
        prefix=${target%%/*}
        [ "$prefix" = "$target" ] && continue # a file of core/ itself (logging.h) or a local one
        case " $core_layers " in *" $prefix "*) ;; *) continue ;; esac
        case $ok in *" $prefix "*) ;; *) report layer "$file:$line: $layer may not include $target" ;; esac
    done < <(grep -nE '^\s*#\s*include\s+"' "$file")
done < <(sources core)
while IFS= read -r file; do
    while IFS=: read -r line include; do
        target=$(echo "$include" | sed -E 's/.*#include "([^"]*)".*/\1/')
        if [[ $target == ui/* ]] || { [[ $target != */* ]] && [ -e "ui/$target" ] && [ ! -e "app/cli/$target" ]; }; then
            report layer "$file:$line: gleaner-cli links core only, not $target"
        fi
    done < <(grep -nE '^\s*#\s*include\s+"' "$file")
done < <(sources app/cli)

# private: a _p.h header belongs to the folder it is in.
while IFS= read -r file; do
    dir=$(dirname "$file")
    while IFS=: read -r line include; do
        target=$(echo "$include" | sed -E 's/.*#include "([^"]*)".*/\1/')
        if [[ $target == */* ]]; then
            header_dir=""
            for base in core ui app .; do
                if [ -e "$base/$target" ]; then
                    header_dir=$(dirname "$base/$target")
                    header_dir=${header_dir#./}
                    break
                fi
            done
            [ -z "$header_dir" ] && header_dir=$(dirname "$target")
        else
            header_dir=$dir
        fi
        [ "$header_dir" = "$dir" ] || report private "$file:$line: $target is private to $header_dir/"
    done < <(grep -nE '^\s*#\s*include\s+"[^"]*_p\.h"' "$file")
done < <(sources core ui app tests)

# The allow-list: "kind path  reason" per line, # comments.
declare -A excused=()
if [ -f "$allow" ]; then
    while read -r kind path reason; do
        [[ -z ${kind:-} || $kind == \#* ]] && continue
        if [ -z "${reason:-}" ]; then
            echo "layers-allow.txt: \"$kind $path\" gives no reason" >&2
            exit 1
        fi
        excused["$kind $path"]=0
    done <"$allow"
fi

failed=0
for v in "${violations[@]}"; do
    kind=${v%% *}
    rest=${v#* }
    path=${rest%%:*}
    if [ -n "${excused["$kind $path"]+x}" ]; then
        excused["$kind $path"]=1
        echo "allowed: $v"
    else
        echo "$v"
        failed=1
    fi
done
for entry in "${!excused[@]}"; do
    [ "${excused[$entry]}" = 0 ] && echo "note: layers-allow.txt excuses \"$entry\", which is clean now; remove the line"
done
if [ $failed = 1 ]; then
    echo "The layering rules of docs/architecture.md are broken (above)." >&2
    exit 1
fi
echo "layers: ${#violations[@]} allowed violation(s), none other"
exit 0
