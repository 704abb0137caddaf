#!/usr/bin/env bash
# The consumption test: pack every package (below) to a temporary folder, create a fresh console project outside the
# repository (so Directory.Build.props and Directory.Packages.props do not apply), add them from that folder (checked
# after restore), the way a user would, and run .ci/package-consumer/Program.cs against the emulator.
# Also checks that the packages do not make consumers depend on build-time tools (NSwag.MSBuild, analyzers).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Each is src/<name>/<name>.csproj.
packages=(Plaid.Partner Plaid.Partner.Emulator Plaid.Partner.Testing Plaid.Partner.AspNetCore)

work=$(mktemp -d "${TMPDIR:-/tmp}/plaid-consumer.XXXXXX")
cleanup() {
  rm -rf "$work"
  # This run's one-off version of each package, from the global packages folder; nothing else uses it.
  if [ -n "${global_packages:-}" ]; then for package in "${packages[@]}"; do rm -rf "$global_packages/${package,,}/$version"; done; fi
}
trap cleanup EXIT
feed="$work/feed"
# A version no earlier run can have left in the global packages cache, so restore must take this pack.
version="0.1.0-ci.$(date -u +%Y%m%d%H%M%S).$$"

echo "pack $version -> $feed"
for package in "${packages[@]}"; do
  dotnet pack "src/$package/$package.csproj" -c Release -o "$feed" -p:Version="$version" -v:q -nologo
done
ls "$feed"

for package in "${packages[@]}"; do
  nuspec=$(unzip -p "$feed/$package.$version.nupkg" "$package.nuspec")
  if grep -qiE 'id="(NSwag\.MSBuild|Microsoft\.CodeAnalysis\.PublicApiAnalyzers)"' <<<"$nuspec"; then
    echo "consume: $package lists a build-time tool as a dependency:" >&2
    grep -iE '<dependency ' <<<"$nuspec" >&2
    exit 1
  fi
  echo "$package dependencies:"
  grep -oE '<dependency id="[^"]*" version="[^"]*"|<frameworkReference name="[^"]*"' <<<"$nuspec" | sed 's/^/  /' | sort -u
  unzip -Z1 "$feed/$package.$version.snupkg" | grep "\.pdb$" >/dev/null || { echo "consume: $package.$version.snupkg has no PDB" >&2; exit 1; }
done

app="$work/app"
dotnet new console -o "$app" -n PlaidConsumer --framework net10.0 >/dev/null
# The packed folder is added to the package sources this machine already uses, which serve the packages'
# dependencies. The version exists nowhere else, and the check after restore proves where it came from.
cat > "$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="plaid-packed" value="$feed" />
  </packageSources>
</configuration>
XML
for package in "${packages[@]}"; do (cd "$app" && dotnet add package "$package" --version "$version" >/dev/null); done
global_packages=$(dotnet nuget locals global-packages --list | sed -n 's/^global-packages: *//p')
for package in "${packages[@]}"; do
  metadata="$global_packages/${package,,}/$version/.nupkg.metadata"
  if ! grep -qF "\"source\": \"$feed\"" "$metadata"; then
    echo "consume: $package $version was not restored from $feed:" >&2
    cat "$metadata" >&2 || true
    exit 1
  fi
done
echo "${packages[*]} restored from $feed"
cp "$repo/.ci/package-consumer/Program.cs" "$app/Program.cs"

if grep -q "ProjectReference" "$app/PlaidConsumer.csproj"; then echo "consume: the consumer has a project reference" >&2; exit 1; fi
grep -E "PackageReference" "$app/PlaidConsumer.csproj" | sed 's/^ */  /'

dotnet run --project "$app/PlaidConsumer.csproj" -- "$version"
