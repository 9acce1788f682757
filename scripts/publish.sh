#!/usr/bin/env bash
# Publishes SaferPlan for running on a server: ./scripts/publish.sh [FOLDER] (default: ./publish).
# The output is ReadyToRun (the code is compiled ahead of time for linux-x64, so a process does not first compile EF
# Core and the app at start-up): every `saferplan` command and the server's start take about half the CPU time of a
# plain build. Run it as `dotnet FOLDER/saferplan.dll [verb]` with ASPNETCORE_ENVIRONMENT and ConnectionStrings__SaferPlan
# set (see README, "Running SaferPlan for a partnership").
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-publish}
dotnet publish src/SaferPlan/SaferPlan.csproj -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -nologo -v quiet -o "$out"
echo "Published to $out: dotnet $out/saferplan.dll"
