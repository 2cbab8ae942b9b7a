#!/usr/bin/env bash
# Writes standalone-ory.xml, the configuration the example runs on in WildFly, into each WildFly folder given: a copy
# of its standalone.xml changed by tools/wildfly-ory-example.cli through WildFly's own CLI, offline (an embedded
# server; nothing listens). Done once per folder: a folder that has it already is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
for home in "$@"; do
    config="$home/standalone/configuration"
    if [ -f "$config/standalone-ory.xml" ]; then
        continue
    fi
    cp "$config/standalone.xml" "$config/standalone-ory.xml.tmp"
    mv "$config/standalone-ory.xml.tmp" "$config/standalone-ory.xml"
    if ! JAVA_OPTS="-Xmx256m" "$home/bin/jboss-cli.sh" --file="$here/wildfly-ory-example.cli" >"$config/standalone-ory.cli.log" 2>&1; then
        rm -f "$config/standalone-ory.xml"
        cat "$config/standalone-ory.cli.log" >&2
        echo "wildfly-config: WildFly's CLI could not write $config/standalone-ory.xml" >&2
        exit 1
    fi
    echo "wildfly-config: $config/standalone-ory.xml"
done
