#!/usr/bin/env bash
# Refreshes the GraphiQL assets that the binary embeds, from the npm registry.
# The playground must work offline (no CDN), so these files are committed;
# run this only to change versions, then commit the result.
set -euo pipefail
GRAPHIQL=3.8.3 # the last GraphiQL with a UMD build that runs without a bundler
REACT=18.3.1   # the last React with UMD builds
cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "graphiql@$GRAPHIQL" "react@$REACT" "react-dom@$REACT" >/dev/null)
for p in "graphiql-$GRAPHIQL" "react-$REACT" "react-dom-$REACT"; do
	mkdir -p "$tmp/${p%-*}"
	tar xzf "$tmp/$p.tgz" -C "$tmp/${p%-*}"
done
cp "$tmp/graphiql/package/graphiql.min.js" "$tmp/graphiql/package/graphiql.min.css" assets/
cp "$tmp/graphiql/package/LICENSE" assets/LICENSE.graphiql
cp "$tmp/react/package/umd/react.production.min.js" assets/
cp "$tmp/react-dom/package/umd/react-dom.production.min.js" assets/
cp "$tmp/react/package/LICENSE" assets/LICENSE.react
echo "graphiql $GRAPHIQL, react $REACT" >assets/VERSIONS
