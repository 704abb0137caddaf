#!/usr/bin/env bash
# The consumption test: pack every package (below) to a temporary folder, create a fresh console project outside the
# repository (so Directory.Build.props and Directory.Packages.props do not apply), add them from that folder (checked
# after restore), the way a user would, and run .ci/package-consumer/Program.cs against the emulator.
# Then the emulator as a dotnet tool: installed from the same folder with dotnet tool install, started as
# plaid-partner-emulator, and driven through the GA lifecycle by a second fresh project with the client package only.
# Then plaid-partner (Plaid.Partner.Cli), installed the same way, onboards samples/customers.csv against that emulator.
# Also checks that the packages do not make consumers depend on build-time tools (NSwag.MSBuild, analyzers).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Each is src/<name>/<name>.csproj.
packages=(Plaid.Partner Plaid.Partner.Emulator Plaid.Partner.Testing Plaid.Partner.AspNetCore Plaid.Partner.Ledger)

work=$(mktemp -d "${TMPDIR:-/tmp}/plaid-consumer.XXXXXX")
cleanup() {
  rm -rf "$work"
  # This run's one-off version of each package, from the global packages folder; nothing else uses it.
  if [ -n "${global_packages:-}" ]; then for package in "${packages[@]}" Plaid.Partner.Emulator.Tool Plaid.Partner.Cli; do rm -rf "$global_packages/${package,,}/$version"; done; fi
  if [ -n "${tool_pid:-}" ]; then kill "$tool_pid" 2>/dev/null || true; fi
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

echo "==> Plaid.Partner ships a build for each target framework"
libs=$(unzip -Z1 "$feed/Plaid.Partner.$version.nupkg" | grep -E '^lib/[^/]+/Plaid\.Partner\.dll$' | sort | tr '\n' ' ')
echo "  $libs"
for tfm in netstandard2.0 net8.0 net10.0; do
  if ! grep -q "lib/$tfm/Plaid.Partner.dll" <<<"$libs"; then echo "consume: Plaid.Partner.$version.nupkg has no lib/$tfm" >&2; exit 1; fi
done

echo "==> the emulator as a dotnet tool (plaid-partner-emulator), installed from $feed"
dotnet pack src/Plaid.Partner.Emulator.Tool/Plaid.Partner.Emulator.Tool.csproj -c Release -o "$feed" -p:Version="$version" -v:q -nologo
if ! unzip -p "$feed/Plaid.Partner.Emulator.Tool.$version.nupkg" Plaid.Partner.Emulator.Tool.nuspec | grep -q '<packageType name="DotnetTool"'; then
  echo "consume: Plaid.Partner.Emulator.Tool is not a dotnet tool package" >&2
  exit 1
fi
tools="$work/tools"
dotnet tool install Plaid.Partner.Emulator.Tool --version "$version" --tool-path "$tools" --add-source "$feed"
"$tools/plaid-partner-emulator" --help | head -n 1
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
(cd "$tool_app" && dotnet add package Plaid.Partner --version "$version" >/dev/null)
cp "$repo/.ci/tool-consumer/Program.cs" "$tool_app/Program.cs"
dotnet run --project "$tool_app/PlaidToolConsumer.csproj" -- "$address" tool-consumer tool-consumer-secret

echo "==> plaid-partner (Plaid.Partner.Cli), installed from $feed, against the same emulator"
dotnet pack src/Plaid.Partner.Cli/Plaid.Partner.Cli.csproj -c Release -o "$feed" -p:Version="$version" -v:q -nologo
dotnet tool install Plaid.Partner.Cli --version "$version" --tool-path "$tools" --add-source "$feed"
cli=("$tools/plaid-partner" --emulator "$address" --ledger "$work/cli-ledger.db")
export PLAID_CLIENT_ID=tool-consumer PLAID_SECRET=tool-consumer-secret
"${cli[@]}" onboard "$repo/samples/customers.csv" --secrets-out "$work/cli-secrets.jsonl"
rows=$(($(wc -l <"$repo/samples/customers.csv") - 1))
listed=$("${cli[@]}" customers list --json | grep -c '"reference"')
if [ "$listed" -ne "$rows" ]; then echo "consume: plaid-partner customers list shows $listed end customers, not $rows" >&2; exit 1; fi
again=$("${cli[@]}" --json onboard "$repo/samples/customers.csv" | grep -c '"outcome":"already_recorded"')
if [ "$again" -ne "$rows" ]; then echo "consume: a second plaid-partner onboard did not find all $rows rows already recorded ($again)" >&2; exit 1; fi
unset PLAID_CLIENT_ID PLAID_SECRET
echo "plaid-partner onboarded $rows end customers, listed them, and sent nothing the second time"

kill -TERM "$tool_pid"
set +e
wait "$tool_pid"
tool_rc=$?
set -e
tool_pid=""
if [ "$tool_rc" -ne 0 ]; then echo "consume: plaid-partner-emulator exited $tool_rc on SIGTERM, not 0:" >&2; cat "$tool_log" >&2; exit 1; fi
echo "plaid-partner-emulator stopped on SIGTERM (exit 0)"
