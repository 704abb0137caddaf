#!/usr/bin/env pwsh
# Restore, build (which regenerates generated/ from openapi/plaid-partner.yml when it changed), test, and run
# the quickstart against the local emulator as a smoke test (--emulator: never real Plaid, even with PLAID_* set).
# .ci/run runs the same dotnet commands; keep the two in step.
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Step([string] $name, [scriptblock] $step) {
    Write-Host "==> $name"
    & $step
    if ($LASTEXITCODE -ne 0) { throw "$name failed with exit code $LASTEXITCODE" }
}

Invoke-Step 'restore' { dotnet restore Plaid.Partner.sln }
Invoke-Step 'build' { dotnet build Plaid.Partner.sln --no-restore }
Invoke-Step 'test' { dotnet test Plaid.Partner.sln --no-restore }
Invoke-Step 'quickstart' { dotnet run --project samples/Quickstart --no-build -- --emulator }
