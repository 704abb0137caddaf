#!/usr/bin/env pwsh
# Restore, build (which regenerates generated/ from openapi/plaid-partner.yml when it changed), test.
# With -Spec <Plaid's full OpenAPI file>, first slice it into openapi/plaid-partner.yml (README: "Updating the spec");
# the build then fails with RS0016/RS0017 until src/Plaid.Partner/PublicAPI.Unshipped.txt lists the new public API.
# Ends by running the quickstart against the local emulator as a smoke test (--emulator: never real Plaid, even with PLAID_* set).
# .ci/run runs the same dotnet commands; keep the two in step.
param(
    [string] $Spec
)
$ErrorActionPreference = 'Stop'
if ($Spec) { $Spec = (Resolve-Path -LiteralPath $Spec).Path }
Set-Location $PSScriptRoot

function Invoke-Step([string] $name, [scriptblock] $step) {
    Write-Host "==> $name"
    & $step
    if ($LASTEXITCODE -ne 0) { throw "$name failed with exit code $LASTEXITCODE" }
}

Invoke-Step 'restore' { dotnet restore Plaid.Partner.sln }
if ($Spec) {
    Invoke-Step 'slice' { dotnet run --project tools/Plaid.Partner.SpecSlicer --no-restore -- $Spec -o openapi/plaid-partner.yml }
}
Invoke-Step 'build' { dotnet build Plaid.Partner.sln --no-restore }
Invoke-Step 'test' { dotnet test Plaid.Partner.sln --no-restore }
if ($Spec) {
    Invoke-Step 'review' { git diff --stat -- openapi generated src/Plaid.Partner/PublicAPI.Shipped.txt src/Plaid.Partner/PublicAPI.Unshipped.txt }
}
Invoke-Step 'quickstart' { dotnet run --project samples/Quickstart --no-build -- --emulator }
