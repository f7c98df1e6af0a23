#!/usr/bin/env bash
# Regenerates the archive fixtures of tests/core/test_archivereader.cpp from
# our own text in src/, with the real tools (GNU tar, gzip, bzip2, xz and
# Python's zipfile), so the readers are tested on what people actually make.
# Output is reproducible: fixed times, owners and entry order.
#
#   tests/data/archives/make-archives.sh
#
# Layout of every sample.* archive, in this order (folders are entries too):
#   digests/  digests/2024-06-01.txt  digests/2024-06-02.txt
#   notes/    notes/résumé.md
#   LONG/2024-06-03.txt  (a path over 100 bytes; see LONG below)
#   empty.txt
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
for tool in tar gzip bzip2 xz python3 mkfifo; do
  command -v "$tool" >/dev/null || { echo "make-archives: needs $tool" >&2; exit 1; }
done

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# Over 100 bytes, so GNU tar needs a long-name header, pax a path record and
# ustar its prefix field; the last part stays short enough for ustar.
LONG=a-researchers-archive/with-a-folder-name-that-goes-on/and-on-for-long-enough/that-tar-needs-help

export LC_ALL=C.UTF-8 TZ=UTC
mkdir -p "$stage/sample/digests" "$stage/sample/notes" "$stage/sample/$LONG"
cp "$here/src/2024-06-01.txt" "$here/src/2024-06-02.txt" "$stage/sample/digests/"
cp "$here/src/notes.md" "$stage/sample/notes/résumé.md"
cp "$here/src/2024-06-03.txt" "$stage/sample/$LONG/"
: >"$stage/sample/empty.txt"

cat >"$stage/sample.list" <<EOF
digests
digests/2024-06-01.txt
digests/2024-06-02.txt
notes
notes/résumé.md
$LONG/2024-06-03.txt
empty.txt
EOF

mktar() { # mktar FORMAT DIR LIST OUTPUT
  local pax=()
  # Without these, pax headers carry the process id and access times.
  [ "$1" = pax ] && pax=(--pax-option='exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime')
  tar --create --format="$1" --directory="$2" --no-recursion --files-from="$3" \
    --owner=0 --group=0 --numeric-owner --mtime='2024-06-01 00:00:00' \
    --mode='u+rwX,go+rX,go-w' "${pax[@]}" --file="$4"
}

mktar gnu "$stage/sample" "$stage/sample.list" "$here/sample.tar"
mktar pax "$stage/sample" "$stage/sample.list" "$stage/pax.tar"
gzip -9 -n -c "$stage/pax.tar" >"$here/sample.tar.gz"
mktar ustar "$stage/sample" "$stage/sample.list" "$stage/ustar.tar"
bzip2 -9 -c "$stage/ustar.tar" >"$here/sample.tar.bz2"
mktar gnu "$stage/sample" "$stage/sample.list" "$stage/gnu.tar"
xz -6 -c "$stage/gnu.tar" >"$here/sample.tar.xz"

# A symlink, a hard link and a FIFO next to one real file.
mkdir -p "$stage/links/links"
cp "$here/src/note.txt" "$stage/links/links/real.txt"
ln "$stage/links/links/real.txt" "$stage/links/links/hard-copy.txt"
ln -s real.txt "$stage/links/links/link-to-real"
mkfifo "$stage/links/links/pipe"
printf '%s\n' links/real.txt links/hard-copy.txt links/link-to-real links/pipe >"$stage/links.list"
mktar gnu "$stage/links" "$stage/links.list" "$here/links.tar"

# A single compressed file, not a tar.
gzip -9 -n -c "$here/src/note.txt" >"$here/note.txt.gz"

# 64 MiB of zeros that bzip2 squeezes into a few hundred bytes.
mkdir -p "$stage/bomb"
head -c $((64 << 20)) /dev/zero >"$stage/bomb/zeros.bin"
echo zeros.bin >"$stage/bomb.list"
mktar gnu "$stage/bomb" "$stage/bomb.list" "$stage/bomb.tar"
bzip2 -9 -c "$stage/bomb.tar" >"$here/bomb.tar.bz2"

python3 - "$here" "$stage" "$LONG" <<'EOF'
import sys, zipfile

here, stage, long_dir = sys.argv[1:]
when = (2024, 6, 1, 0, 0, 0)

def add(z, name, data=b"", mode=0o100644, method=zipfile.ZIP_DEFLATED):
    info = zipfile.ZipInfo(name, date_time=when)
    info.create_system = 3  # Unix, so the mode below is read
    info.external_attr = mode << 16
    info.compress_type = method
    z.writestr(info, data)

def read(name):
    with open(f"{here}/src/{name}", "rb") as f:
        return f.read()

with zipfile.ZipFile(f"{here}/sample.zip", "w") as z:
    add(z, "digests/", mode=0o40755, method=zipfile.ZIP_STORED)
    add(z, "digests/2024-06-01.txt", read("2024-06-01.txt"))
    add(z, "digests/2024-06-02.txt", read("2024-06-02.txt"), method=zipfile.ZIP_STORED)
    add(z, "notes/", mode=0o40755, method=zipfile.ZIP_STORED)
    add(z, "notes/résumé.md", read("notes.md"))
    add(z, f"{long_dir}/2024-06-03.txt", read("2024-06-03.txt"))
    add(z, "empty.txt", b"", method=zipfile.ZIP_STORED)

with zipfile.ZipFile(f"{here}/links.zip", "w") as z:
    add(z, "links/real.txt", read("note.txt"))
    add(z, "links/link-to-real", b"real.txt", mode=0o120777, method=zipfile.ZIP_STORED)
EOF

ls -l "$here"/*.zip "$here"/*.tar "$here"/*.gz "$here"/*.bz2 "$here"/*.xz
