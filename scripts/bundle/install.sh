#!/bin/sh
# Links MLA Desk into a prefix so that `mladesk`, `man mladesk` and shell completion work.
# Nothing is downloaded and nothing is copied: the links point into this folder, so keep the
# folder where it is (e.g. /opt/mladesk-VERSION). The program finds its Data/ through the links.
#
# usage: ./install.sh [--prefix DIR] [--uninstall]
#   --prefix DIR   where bin/ and share/ receive the links (default: ~/.local)
#   --uninstall    remove the links this script made (only links pointing into this folder)
set -eu

here=$(cd "$(dirname "$0")" && pwd -P)
prefix=""
uninstall=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix=$2; shift ;;
        --uninstall) uninstall=1 ;;
        -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$prefix" ]; then
    [ -n "${HOME:-}" ] || { echo "install.sh: HOME is not set; give the folder with --prefix DIR" >&2; exit 2; }
    prefix="$HOME/.local"
fi

files="bin/mladesk
share/man/man1/mladesk.1
share/bash-completion/completions/mladesk
share/zsh/site-functions/_mladesk
share/fish/vendor_completions.d/mladesk.fish"

failed=0
for file in $files; do
    source="$here/$file"
    target="$prefix/$file"
    if [ "$uninstall" -eq 1 ]; then
        if [ -L "$target" ] && [ "$(readlink "$target")" = "$source" ]; then
            rm "$target"
            echo "removed $target"
        fi
        continue
    fi
    mkdir -p "$(dirname "$target")"
    if [ "$(cd "$(dirname "$target")" && pwd -P)/$(basename "$target")" = "$source" ]; then
        continue # unpacked straight into the prefix: already in place
    fi
    if [ -e "$target" ] && [ ! -L "$target" ]; then
        echo "install.sh: $target exists and is not a link; left it alone" >&2
        failed=1
        continue
    fi
    ln -sfn "$source" "$target"
    echo "linked $target"
done

if [ "$uninstall" -eq 0 ]; then
    case ":$PATH:" in
        *":$prefix/bin:"*) ;;
        *) echo "Add $prefix/bin to PATH to type 'mladesk' (e.g. in ~/.profile: PATH=\"$prefix/bin:\$PATH\")." ;;
    esac
fi
exit "$failed"
