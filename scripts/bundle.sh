#!/usr/bin/env bash
# Builds the offline install bundle, dist/mladesk-VERSION-linux-ARCH.tar.gz: one archive that
# works after one copy on a workstation with no network and no Swift toolchain.
#
# usage: scripts/bundle.sh [--quick] [--output DIR]
#   --quick       package the debug build as it is (dynamic, not stripped). Fast, but it needs
#                 this machine's Swift runtime libraries: for tests here, never for shipping.
#   --output DIR  where the archive and its .sha256 go (default: dist/)
#
# Layout inside the archive (unpack anywhere; bin/mladesk finds ../share/mladesk/Data itself):
#   mladesk-VERSION/bin/mladesk, share/mladesk/Data/, share/man/man1/mladesk.1,
#   share/{bash-completion,zsh,fish}/... completions, install.sh, INSTALL.txt
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

quick=0
output="$root/dist"
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=1 ;;
        --output) output=${2:?--output needs a folder}; shift ;;
        -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "bundle.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done

if [ "$quick" -eq 1 ]; then
    # The tests run this inside `swift test`, which holds the build folder's lock for its whole
    # run; the debug build is already complete, so this only reads it (and builds the generator).
    swiftpm=(--ignore-lock)
    build=(--configuration debug)
else
    swiftpm=()
    # Only the program: the test-support library needs the Testing module, which has no static form.
    # Without the local run path: SwiftPM lets a program look for libraries beside itself
    # ($ORIGIN) first, so a file dropped into bin/ would be loaded in place of the system's.
    build=(--configuration release --static-swift-stdlib --disable-local-rpath --product mladesk)
fi

# Dates come from the last commit, so the same commit gives the same man page and archive.
if epoch=$(git -C "$root" log -1 --format=%ct 2>/dev/null) && [ -n "$epoch" ]; then :; else epoch=$(date +%s); fi
manual_date=$(date -u -d "@$epoch" +%F)

if [ "$quick" -eq 0 ]; then
    echo "== Building ${build[*]}"
    swift build "${build[@]}"
fi
binary="$(swift build "${swiftpm[@]}" "${build[@]}" --show-bin-path)/mladesk"

# swift-argument-parser's generate-manual plugin builds the package itself and cannot pass
# --static-swift-stdlib; a plain release build would recompile everything a second time, since
# the compiler flags differ. The debug build has the same commands and options, so the plugin
# reads the manual from that one.
echo "== Generating the man page"
manual="$root/.build/plugins/GenerateManual/outputs/mladesk/mladesk.1"
rm -f "$manual"
swift package "${swiftpm[@]}" plugin generate-manual --configuration debug --date "$manual_date"
[ -f "$manual" ] || { echo "bundle.sh: the generate-manual plugin left no $manual" >&2; exit 1; }

# The one source of the version is the program itself: "mladesk VERSION (formats...)".
version=$("$binary" --version | awk 'NR == 1 { print $2 }')
if ! [[ "$version" =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]]; then
    echo "bundle.sh: cannot read a version from '$binary --version'" >&2
    exit 1
fi
name="mladesk-$version"
arch=$(uname -m)
archive="$output/$name-linux-$arch.tar.gz"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
bundle="$stage/$name"
echo "== Staging $name"
install -d "$bundle/bin" "$bundle/share/mladesk" "$bundle/share/man/man1" \
    "$bundle/share/bash-completion/completions" "$bundle/share/zsh/site-functions" \
    "$bundle/share/fish/vendor_completions.d"
install -m 755 "$binary" "$bundle/bin/mladesk"
[ "$quick" -eq 1 ] || strip "$bundle/bin/mladesk"
cp -R "$root/Data" "$bundle/share/mladesk/Data"
install -m 644 "$manual" "$bundle/share/man/man1/mladesk.1"
"$bundle/bin/mladesk" --generate-completion-script bash > "$bundle/share/bash-completion/completions/mladesk"
"$bundle/bin/mladesk" --generate-completion-script zsh > "$bundle/share/zsh/site-functions/_mladesk"
"$bundle/bin/mladesk" --generate-completion-script fish > "$bundle/share/fish/vendor_completions.d/mladesk.fish"
install -m 755 "$root/scripts/bundle/install.sh" "$bundle/install.sh"
sed -e "s/@VERSION@/$version/g" -e "s/@ARCH@/$arch/g" "$root/scripts/bundle/INSTALL.txt" > "$bundle/INSTALL.txt"
chmod -R u=rwX,go=rX "$bundle"

# The staged binary must find its own Data/ with nothing set: the whole point of the layout.
smoke="$stage/smoke"
mkdir "$smoke"
(cd "$smoke" && env -i HOME="$smoke" LANG=C.UTF-8 PATH=/usr/bin:/bin \
    "$bundle/bin/mladesk" init --db "$smoke/desk.sqlite" --officer bundle > /dev/null)
rm -rf "$smoke"

echo "== Writing $archive"
mkdir -p "$output"
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$stage" -cf - "$name" \
    | gzip -9n > "$archive.partial"
mv "$archive.partial" "$archive"
(cd "$output" && sha256sum "$(basename "$archive")" > "$(basename "$archive").sha256")
echo "$archive"
