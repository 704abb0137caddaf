#!/usr/bin/env pwsh

<#
.SYNOPSIS
    Builds and tests Plaid.Partner. This script is the build: CI runs it too (.ci/run: dotnet pwsh ./build.ps1 -Ci).

.DESCRIPTION
    Run it with the PowerShell pinned in .config/dotnet-tools.json:

        dotnet tool restore
        dotnet pwsh ./build.ps1

    Steps: restore; build (regenerates generated/ from openapi/plaid-partner.yml when the spec, nswag.json or a
    template changed); test (every test project: the library on net10.0, on net8.0 on the .NET 8 runtime, and its
    netstandard2.0 build on both); and the quickstart against the local emulator as a smoke test (--emulator: never
    real Plaid, even with PLAID_* set). It stops at the first step that fails, with that step's exit code.

.PARAMETER Spec
    Plaid's full OpenAPI file: first slice it into openapi/plaid-partner.yml (README: "Updating the spec"), and after
    the tests show what changed. The build fails with RS0016/RS0017 until src/Plaid.Partner/PublicAPI.Unshipped.txt
    lists the new public API.

.PARAMETER Ci
    Also the checks CI makes: the spec is touched so NSwag must regenerate, exactly once, and generated/ must equal
    what is committed; a no-op build must not run NSwag; every benchmark runs once in BenchmarkDotNet's dry mode; the
    package consumption test (.ci/consume-packages.sh); and the test counts per project and target framework, from
    the TRX files, ending with the line "N passed, N failed".
#>
param(
    [string] $Spec,
    [switch] $Ci
)

$ErrorActionPreference = 'Stop'
# Each step checks its own exit code, so the script can stop with it.
$PSNativeCommandUseErrorActionPreference = $false
if ($Spec) { $Spec = (Resolve-Path -LiteralPath $Spec).Path }
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'

$Solution = 'Plaid.Partner.sln'
$Library = 'src/Plaid.Partner/Plaid.Partner.csproj'
$GeneratingMarker = 'Plaid.Partner: generating'
$Logs = Join-Path ([IO.Path]::GetTempPath()) "plaid-partner-build-$PID"

function Invoke-Step([string] $Name, [scriptblock] $Step) {
    Write-Host "==> $Name" -ForegroundColor Cyan
    $global:LASTEXITCODE = 0
    & $Step
    if ($LASTEXITCODE -ne 0) { Stop-Build "$Name failed with exit code $LASTEXITCODE" $LASTEXITCODE }
}

function Stop-Build([string] $Message, [int] $ExitCode = 1) {
    Write-Host "build: $Message" -ForegroundColor Red
    exit $ExitCode
}

# How many times a build's -v:n log says NSwag ran.
function Get-GenerationCount([string] $Log) {
    @(Select-String -LiteralPath $Log -SimpleMatch $GeneratingMarker).Count
}

# The test counts of each project and target framework (from the TRX files under tests/*/TestResults), each with the
# runtime and library build RuntimeEnvironmentTests saw, then the total as "N passed, N failed".
function Write-TestSummary {
    $passed = 0; $failed = 0; $total = 0
    foreach ($trx in Get-ChildItem -Path tests/*/TestResults/*.trx -File | Sort-Object FullName) {
        [xml] $run = Get-Content -Raw -LiteralPath $trx.FullName
        $counters = $run.TestRun.ResultSummary.Counters
        $project = $trx.Directory.Parent.Name
        $framework = if ($trx.BaseName -match '_(net[^_]+)$') { $Matches[1] } else { '?' }
        $environment = @($run.TestRun.Results.UnitTestResult | Where-Object { $_.Output.StdOut -match '^runtime: ' } | ForEach-Object { $_.Output.StdOut.Trim() })
        $seen = if ($environment) { "   ($($environment[0]))" } else { '' }
        Write-Host ("  {0,-38} {1,-8} {2,5} passed, {3} failed{4}" -f $project, $framework, $counters.passed, $counters.failed, $seen)
        $passed += [int] $counters.passed; $failed += [int] $counters.failed; $total += [int] $counters.total
    }
    Write-Host "$passed passed, $failed failed"
    if ($total -eq 0) { Stop-Build 'no test ran' }
    if ($failed -ne 0) { Stop-Build "$failed tests failed" }
}

New-Item -ItemType Directory -Force -Path $Logs | Out-Null
try {
    Invoke-Step 'restore' { dotnet restore $Solution }

    if ($Spec) {
        Invoke-Step 'slice' { dotnet run --project tools/Plaid.Partner.SpecSlicer --no-restore -- $Spec -o openapi/plaid-partner.yml }
    }

    if ($Ci) {
        # Touching the spec forces NSwag to regenerate, so a generated/ that does not match openapi/ shows as a diff.
        (Get-Item openapi/plaid-partner.yml).LastWriteTimeUtc = [DateTime]::UtcNow
        Invoke-Step 'build (the spec touched: NSwag must run exactly once and generated/ must not drift)' {
            dotnet build $Solution --no-restore "-flp:v=n;logfile=$Logs/build.log"
        }
        $runs = Get-GenerationCount "$Logs/build.log"
        if ($runs -ne 1) { Stop-Build "NSwag ran $runs times in one build of the multi-targeted library; it must run exactly once." }
        git diff --exit-code --stat -- generated/
        if ($LASTEXITCODE -ne 0) { Stop-Build "generated/ differs from what openapi/ and nswag.json produce. Run 'dotnet build' and commit generated/." }
        $untracked = git status --porcelain -- generated/
        if ($untracked) { Stop-Build "generation produced files that are not committed:`n$untracked" }
        Write-Host 'generated/ matches openapi/ and nswag.json; NSwag ran once'

        Invoke-Step 'no-op build (NSwag must not run)' { dotnet build $Library --no-restore "-flp:v=n;logfile=$Logs/noop.log" }
        if ((Get-GenerationCount "$Logs/noop.log") -ne 0) { Stop-Build 'a build with nothing changed ran NSwag; the generation target is not incremental.' }
        Write-Host 'no-op build: NSwag skipped'
    }
    else {
        Invoke-Step 'build' { dotnet build $Solution --no-restore }
    }

    if ($Ci) {
        # Each test project writes its TRX files to its own TestResults folder; only this run's are counted.
        Get-Item -Path tests/*/TestResults -ErrorAction SilentlyContinue | Remove-Item -Recurse -Force
        Write-Host '==> test (README: dotnet test Plaid.Partner.sln)' -ForegroundColor Cyan
        dotnet test $Solution --no-build --logger trx
        $testExitCode = $LASTEXITCODE
        if ($testExitCode -ne 0) {
            Write-TestSummary
            Stop-Build "test failed with exit code $testExitCode" $testExitCode
        }
    }
    else {
        Invoke-Step 'test' { dotnet test $Solution --no-build }
    }

    if ($Spec) {
        Invoke-Step 'review' { git diff --stat -- openapi generated src/Plaid.Partner/PublicAPI.Shipped.txt src/Plaid.Partner/PublicAPI.Unshipped.txt }
    }

    Invoke-Step 'quickstart (README: dotnet run --project samples/Quickstart; against the local emulator)' {
        dotnet run --project samples/Quickstart --no-build -- --emulator
    }

    if ($Ci) {
        Invoke-Step 'benchmarks, dry mode (each benchmark builds, sets up and runs once; no figures)' {
            dotnet run -c Release --project benchmarks/Plaid.Partner.Benchmarks -- --filter '*' --job dry --artifacts "$Logs/benchmarks" *> "$Logs/benchmarks.log"
            $benchmarksExitCode = $LASTEXITCODE
            Select-String -LiteralPath "$Logs/benchmarks.log" -Pattern '^(\||// \* Summary|Run time|Global total time)|Exception:' |
                Where-Object { $_.Line -notmatch '^\| *-' } | ForEach-Object { $_.Line }
            $global:LASTEXITCODE = $benchmarksExitCode
        }

        Invoke-Step 'package consumption (.ci/consume-packages.sh: the packed packages in fresh projects outside the repository)' {
            bash .ci/consume-packages.sh
        }

        Write-Host '==> test results per project and target framework' -ForegroundColor Cyan
        Write-TestSummary
    }
}
finally {
    Remove-Item -Recurse -Force -LiteralPath $Logs -ErrorAction SilentlyContinue
}
