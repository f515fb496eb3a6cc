#!/usr/bin/env bash
# Regenerates the catalogue the portal ships (src/Portal.Infra/Catalogue/Data/registry-datasets.csv) from the Open Data
# Registry's facts, through the portal's own importer (tools/Portal.CatalogueTool: RegistryFactsReader, then
# RegistryFactsWriter). A new portal imports that file at its first start.
#
#   scripts/catalogue/generate-registry-catalogue.sh [facts.csv | registry datasets folder] [source]
#
# Defaults: shared/reference/catalogue/odr_datasets.csv beside the repository, and the registry commit it was taken at.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
input="${1:-$root/../shared/reference/catalogue/odr_datasets.csv}"
source="${2:-awslabs/open-data-registry commit 1fd4120, 2026-08-19}"
output="$root/src/Portal.Infra/Catalogue/Data/registry-datasets.csv"

dotnet run --project "$root/tools/Portal.CatalogueTool" -- "$input" "$output" "$source"
