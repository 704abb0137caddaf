#!/usr/bin/env bash
# Ships the public API: for every src/<project>/PublicAPI.Unshipped.txt, moves its entries into PublicAPI.Shipped.txt
# and leaves Unshipped with only its "#nullable enable" header. Run it when a release is cut (README, "Versioning"),
# then build: Microsoft.CodeAnalysis.PublicApiAnalyzers now fails the build (RS0017) if a shipped member is removed
# or changed, which is what keeps the released surface from breaking.
#
#   bash tools/ship-public-api.sh            # this repository
#   bash tools/ship-public-api.sh <root>     # another checkout (the tests use a scratch folder)
#
# An Unshipped line "*REMOVED*<entry>" (the analyzer's record of a shipped member taken away) deletes <entry> from
# Shipped instead. Both files end up sorted ordinally, one entry a line, the header first. Running it twice changes
# nothing the second time. Exit codes: 0 shipped (or nothing to ship), 1 a Shipped file lacks an entry that Unshipped
# marks *REMOVED*, 2 bad usage.
set -euo pipefail
export LC_ALL=C

root=${1:-"$(cd "$(dirname "$0")/.." && pwd)"}
if [ $# -gt 1 ] || [ ! -d "$root/src" ]; then
  echo "usage: bash tools/ship-public-api.sh [repository root]  (no src/ folder under '$root')" >&2
  exit 2
fi

header='#nullable enable'
entries_of() { grep -v -e '^#' -e '^[[:space:]]*$' "$1" 2>/dev/null | tr -d '\r' || true; }

# First every project is checked, so a refusal leaves every file as it was.
for unshipped in "$root"/src/*/PublicAPI.Unshipped.txt; do
  [ -e "$unshipped" ] || continue
  removed=$(entries_of "$unshipped" | grep '^\*REMOVED\*' | sed 's/^\*REMOVED\*//' || true)
  [ -n "$removed" ] || continue
  missing=$(comm -23 <(sort -u <<<"$removed") <(entries_of "$(dirname "$unshipped")/PublicAPI.Shipped.txt" | sort -u))
  if [ -n "$missing" ]; then
    echo "ship-public-api: $(basename "$(dirname "$unshipped")"): Unshipped marks as removed what Shipped does not list:" >&2
    sed 's/^/  /' <<<"$missing" >&2
    exit 1
  fi
done

shipped_any=0
for unshipped in "$root"/src/*/PublicAPI.Unshipped.txt; do
  [ -e "$unshipped" ] || continue
  project=$(basename "$(dirname "$unshipped")")
  shipped="$(dirname "$unshipped")/PublicAPI.Shipped.txt"
  [ -e "$shipped" ] || printf '%s\n' "$header" > "$shipped"

  entries=$(entries_of "$unshipped")
  added=$(grep -v '^\*REMOVED\*' <<<"$entries" | grep -v '^$' || true)
  removed=$(grep '^\*REMOVED\*' <<<"$entries" | sed 's/^\*REMOVED\*//' || true)
  current=$(entries_of "$shipped")

  kept=$(comm -23 <(sort -u <<<"$current") <(sort -u <<<"$removed"))
  {
    printf '%s\n' "$header"
    printf '%s\n%s\n' "$kept" "$added" | grep -v '^$' | sort -u || true
  } > "$shipped.tmp"
  mv "$shipped.tmp" "$shipped"
  printf '%s\n' "$header" > "$unshipped"

  count_added=$(grep -c . <<<"$added" || true)
  count_removed=$(grep -c . <<<"$removed" || true)
  echo "$project: shipped $count_added entries, removed $count_removed"
  shipped_any=1
done

[ "$shipped_any" = 1 ] || echo "ship-public-api: no src/*/PublicAPI.Unshipped.txt under $root" >&2
