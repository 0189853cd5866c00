#!/usr/bin/env bash
# Adds a migration to one owner of tables, for both providers:
#
#   scripts/add-migration.sh <Module> <Name>     e.g. scripts/add-migration.sh Contents AddSummary
#   scripts/add-migration.sh Core <Name>         the platform's own tables (audit trail)
#
# The migrations land in the owner's Data/Migrations/{Sqlite,PostgreSql} folders; the owner
# must already declare its contexts (<Module>SqliteMigrations, <Module>PostgresMigrations in
# Data/Migrations/<Module>Migrations.cs, registered with services.AddModuleMigrations).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [ $# -ne 2 ]; then
    echo "usage: $0 <Module|Core> <MigrationName>" >&2
    exit 2
fi
owner=$1 name=$2
if [ "$owner" = Core ]; then
    project=src/Portal.Core namespace=Portal.Core.Data.Migrations
else
    project=src/Modules/$owner namespace=Portal.Modules.$owner.Data.Migrations
fi
[ -d "$project" ] || { echo "no such owner: $project" >&2; exit 2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet tool restore >/dev/null
dotnet build src/Portal.Web -c Debug --nologo -v q >/dev/null
for provider in Sqlite:Sqlite PostgreSql:Postgres; do
    folder=${provider%%:*} context=${owner}${provider##*:}Migrations
    echo "adding $name to $context"
    dotnet ef migrations add "$name" --no-build \
        --project "$project" --startup-project src/Portal.Web \
        --context "$context" \
        --output-dir "Data/Migrations/$folder" --namespace "$namespace.$folder"
    # dotnet ef places the model snapshot in a folder made from the namespace (Portal/...):
    # keep it beside the migrations instead, replacing the previous one.
    find "$project/Portal" -name '*ModelSnapshot.cs' -exec mv -f {} "$project/Data/Migrations/$folder/" \; 2>/dev/null || true
    rm -rf "$project/Portal"
done
