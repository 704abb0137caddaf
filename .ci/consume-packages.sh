#!/usr/bin/env bash
# The consumption test: install the packages the way README.md's "Install" tells a user to, by running its three
# marked blocks as they are written (pack into ~/plaid-packages; in a fresh app folder, that folder as a package source
# and `dotnet add package`; the emulator tool with `dotnet tool install --add-source`), with a HOME of its own so ~ and
# the global tools are this run's. Then check what that gave: the packages came from the packed folder, no build-time
# tool is a dependency, the symbols hold PDBs; run .ci/package-consumer/Program.cs in the app (the emulator embedded,
# a webhook through ASP.NET Core); start the installed plaid-partner-emulator and walk the GA lifecycle against it from
# a second fresh project with the client package only; onboard samples/customers.csv with the installed plaid-partner
# against it, twice (the second run sends nothing); and compile every C# block of the READMEs against the packed
# packages (.ci/compile-readme-csharp.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# shellcheck source=.ci/nuget-isolation.sh
source .ci/nuget-isolation.sh

# The library packages the README's blocks add to an app (src/<name>), and the tool it installs.
packages=(Plaid.Partner Plaid.Partner.AspNetCore Plaid.Partner.Emulator Plaid.Partner.Testing Plaid.Partner.Ledger Plaid.Partner.Ledger.AspNetCore)
tool_package=Plaid.Partner.Emulator.Tool

machine_nuget_packages >/dev/null   # before NUGET_PACKAGES points at this run's own cache
work=$(mktemp -d "${TMPDIR:-/tmp}/plaid-consumer.XXXXXX")
cleanup() {
  if [ -n "${tool_pid:-}" ]; then kill "$tool_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A user's machine, in the temp folder: HOME, so ~/plaid-packages and ~/.dotnet/tools are this run's. The pack step
# keeps the machine's NuGet settings and cache, so the repository's own restore sees what it always sees; after it, the
# app's steps get a NuGet cache of their own, where the packed packages land and are checked and which goes away with
# the folder, and the machine's cache as a read-only fallback without Plaid.Partner's packages (.ci/nuget-isolation.sh).
home="$work/home"
mkdir -p "$home/.nuget/NuGet"
user_config="${HOME:-/root}/.nuget/NuGet/NuGet.Config"
if [ -f "$user_config" ]; then cp "$user_config" "$home/.nuget/NuGet/NuGet.Config"; fi
export HOME="$home" NUGET_PACKAGES="$PLAID_MACHINE_NUGET_PACKAGES"
export PATH="$PATH:$HOME/.dotnet/tools"
feed="$HOME/plaid-packages"   # what ~/plaid-packages is in the README's blocks

# isolate_nuget: from here on, restores go to this run's own cache, with the machine's as a fallback.
isolate_nuget() {
  local fallback sources=""
  fallback=$(nuget_fallback_folder "$work")
  if [ -f "$home/.nuget/NuGet/NuGet.Config" ]; then sources=$(sed -n '/<packageSources>/,/<\/packageSources>/p' "$home/.nuget/NuGet/NuGet.Config"); fi
  if [ -z "$sources" ]; then
    sources='  <packageSources>
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
  </packageSources>'
  fi
  cat > "$home/.nuget/NuGet/NuGet.Config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
$sources
  <fallbackPackageFolders>
    <add key="machine" value="$fallback" />
  </fallbackPackageFolders>
</configuration>
XML
  export NUGET_PACKAGES="$work/nuget-packages"
}

# readme_block NAME: the lines of the README's fenced block right after <!-- .ci/consume-packages.sh: NAME -->.
readme_block() {
  local block
  block=$(awk -v marker="<!-- .ci/consume-packages.sh: $1 -->" '
    $0 == marker { armed = 1; next }
    armed && !inside && /^```/ { inside = 1; next }
    inside && /^```[ \t]*$/ { exit }
    inside { print }
  ' "$repo/README.md")
  if [ -z "$block" ]; then echo "consume: README.md has no block after <!-- .ci/consume-packages.sh: $1 -->" >&2; exit 1; fi
  printf '%s\n' "$block"
}

# run_readme_block NAME DIR: runs the block in DIR as the user would paste it into a shell, stopping at the first failure.
run_readme_block() {
  local block
  block=$(readme_block "$1")
  echo "==> README.md, Install ($1), in $2:"
  sed 's/^/  $ /' <<<"$block"
  (cd "$2" && bash -euo pipefail -c "$block")
}

run_readme_block pack "$repo"
ls "$feed"
version_file=$(ls "$feed"/Plaid.Partner.[0-9]*.nupkg)
version=${version_file##*/Plaid.Partner.}
version=${version%.nupkg}
echo "packed version $version"
# package_version NAME: the version NAME was packed at; a package still in preview (the ledger) has its own.
package_version() {
  local file
  file=$(ls "$feed/$1".[0-9]*.nupkg)
  file=${file##*/"$1".}
  printf '%s\n' "${file%.nupkg}"
}

for package in "${packages[@]}"; do
  package_v=$(package_version "$package")
  nuspec=$(unzip -p "$feed/$package.$package_v.nupkg" "$package.nuspec")
  if grep -qiE 'id="(NSwag\.MSBuild|Microsoft\.CodeAnalysis\.PublicApiAnalyzers)"' <<<"$nuspec"; then
    echo "consume: $package lists a build-time tool as a dependency:" >&2
    grep -iE '<dependency ' <<<"$nuspec" >&2
    exit 1
  fi
  echo "$package dependencies:"
  grep -oE '<dependency id="[^"]*" version="[^"]*"|<frameworkReference name="[^"]*"' <<<"$nuspec" | sed 's/^/  /' | sort -u
  unzip -Z1 "$feed/$package.$package_v.snupkg" | grep "\.pdb$" >/dev/null || { echo "consume: $package.$package_v.snupkg has no PDB" >&2; exit 1; }
done

isolate_nuget
app="$work/app"
dotnet new console -o "$app" -n PlaidConsumer --framework net10.0 >/dev/null
run_readme_block install-packages "$app"
for package in "${packages[@]}"; do
  package_v=$(package_version "$package")
  metadata="$NUGET_PACKAGES/${package,,}/$package_v/.nupkg.metadata"
  if ! grep -qF "\"source\": \"$feed\"" "$metadata" 2>/dev/null; then
    echo "consume: $package $package_v was not restored from $feed:" >&2
    cat "$metadata" >&2 || true
    exit 1
  fi
done
echo "${packages[*]} restored from $feed"
cp "$repo/.ci/package-consumer/Program.cs" "$app/Program.cs"

if grep -q "ProjectReference" "$app/PlaidConsumer.csproj"; then echo "consume: the consumer has a project reference" >&2; exit 1; fi
grep -E "PackageReference" "$app/PlaidConsumer.csproj" | sed 's/^ */  /'

dotnet run --project "$app/PlaidConsumer.csproj" -- "$version"

echo "==> Plaid.Partner ships a build for each target framework"
libs=$(unzip -Z1 "$feed/Plaid.Partner.$version.nupkg" | grep -E '^lib/[^/]+/Plaid\.Partner\.dll$' | sort | tr '\n' ' ')
echo "  $libs"
for tfm in netstandard2.0 net8.0 net10.0; do
  if ! grep -q "lib/$tfm/Plaid.Partner.dll" <<<"$libs"; then echo "consume: Plaid.Partner.$version.nupkg has no lib/$tfm" >&2; exit 1; fi
done

echo "==> the emulator as a dotnet tool (plaid-partner-emulator), installed from $feed"
if ! unzip -p "$feed/$tool_package.$version.nupkg" "$tool_package.nuspec" | grep -q '<packageType name="DotnetTool"'; then
  echo "consume: $tool_package is not a dotnet tool package" >&2
  exit 1
fi
run_readme_block install-tool "$work"
tools="$work/.tools"
plaid-partner-emulator --help | sed -n 1p   # the --global install, on PATH through ~/.dotnet/tools
"$tools/plaid-partner-emulator" --help | sed -n 1p
set +e
"$tools/plaid-partner-emulator" --port not-a-port >/dev/null 2>&1
bad_rc=$?
set -e
if [ "$bad_rc" -ne 2 ]; then echo "consume: plaid-partner-emulator --port not-a-port exited $bad_rc, not 2" >&2; exit 1; fi

# Started as a CI job in any language would: a free port (--port 0, printed at start), its own credentials, new
# customers ready for enablement, so the client alone can walk the lifecycle.
tool_log="$work/plaid-partner-emulator.log"
"$tools/plaid-partner-emulator" --port 0 --client-id tool-consumer --secret tool-consumer-secret --new-customer-status PENDING_ENABLEMENT >"$tool_log" 2>&1 &
tool_pid=$!
address=""
for _ in $(seq 1 300); do   # up to 60 s for the start-up line
  address=$(sed -n 's/.* listening on \(http:[^ ]*\).*/\1/p' "$tool_log" | head -n 1)
  [ -n "$address" ] && break
  if ! kill -0 "$tool_pid" 2>/dev/null; then echo "consume: plaid-partner-emulator exited at start:" >&2; cat "$tool_log" >&2; exit 1; fi
  sleep 0.2
done
if [ -z "$address" ]; then echo "consume: plaid-partner-emulator did not say where it listens within 60 s:" >&2; cat "$tool_log" >&2; exit 1; fi
echo "plaid-partner-emulator listening on $address"

tool_app="$work/tool-app"
dotnet new console -o "$tool_app" -n PlaidToolConsumer --framework net10.0 >/dev/null
cp "$app/nuget.config" "$tool_app/nuget.config"
(cd "$tool_app" && dotnet add package Plaid.Partner >/dev/null)
cp "$repo/.ci/tool-consumer/Program.cs" "$tool_app/Program.cs"
dotnet run --project "$tool_app/PlaidToolConsumer.csproj" -- "$address" tool-consumer tool-consumer-secret

echo "==> plaid-partner (Plaid.Partner.Cli), installed from $feed as README.md's Install says, against the same emulator"
cli=(plaid-partner --emulator "$address" --ledger "$work/cli-ledger.db")
export PLAID_CLIENT_ID=tool-consumer PLAID_SECRET=tool-consumer-secret
"${cli[@]}" onboard "$repo/samples/customers.csv" --secrets-out "$work/cli-secrets.jsonl"
rows=$(($(wc -l <"$repo/samples/customers.csv") - 1))
listed=$("${cli[@]}" customers list --json | grep -c '"reference"')
if [ "$listed" -ne "$rows" ]; then echo "consume: plaid-partner customers list shows $listed end customers, not $rows" >&2; exit 1; fi
again=$("${cli[@]}" --json onboard "$repo/samples/customers.csv" | grep -c '"outcome":"already_recorded"')
if [ "$again" -ne "$rows" ]; then echo "consume: a second plaid-partner onboard did not find all $rows rows already recorded ($again)" >&2; exit 1; fi
# The issue's "done when" runs stuck too: after a refresh it answers, with nothing stuck on a fresh emulator.
"${cli[@]}" refresh --all --json >/dev/null
stuck=$("${cli[@]}" stuck --json | tr -d ' \n')
if [ "$stuck" != '{"stuck":[]}' ]; then echo "consume: plaid-partner stuck --json answered '$stuck', not an empty list" >&2; exit 1; fi
unset PLAID_CLIENT_ID PLAID_SECRET
echo "plaid-partner onboarded $rows end customers, listed them, sent nothing the second time, refreshed them and listed none stuck"

kill -TERM "$tool_pid"
set +e
wait "$tool_pid"
tool_rc=$?
set -e
tool_pid=""
if [ "$tool_rc" -ne 0 ]; then echo "consume: plaid-partner-emulator exited $tool_rc on SIGTERM, not 0:" >&2; cat "$tool_log" >&2; exit 1; fi
echo "plaid-partner-emulator stopped on SIGTERM (exit 0)"

echo "==> every C# block of the README files, compiled against the packed packages"
bash "$repo/.ci/compile-readme-csharp.sh" "$feed" "$work/readme-csharp"
