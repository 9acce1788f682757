#!/bin/sh
# Writes SYNTHETIC police.uk-format street files for Cambridgeshire (the demo partnership's county) at realistic
# volumes, with an ONS-style LSOA lookup and a SYNTHETIC.txt notice, then (with --import) loads them.
# Real police.uk downloads cannot be fetched where SaferPlan is built; these are not real recorded crime.
# Usage: scripts/generate-demo-crime.sh [OUT_DIR, default data/synthetic-police-uk] [--from 2007-04] [--to 2011-08] [--crlf] [--import]
set -eu
cd "$(dirname "$0")/.."
out=${1:-data/synthetic-police-uk}
[ $# -gt 0 ] && shift
import=no
args=""
for arg in "$@"; do
  if [ "$arg" = "--import" ]; then import=yes; else args="$args $arg"; fi
done
# shellcheck disable=SC2086
dotnet run --project src/SaferPlan -- crime generate --out "$out" $args
if [ "$import" = yes ]; then
  dotnet run --project src/SaferPlan -- crime import "$out"
fi
