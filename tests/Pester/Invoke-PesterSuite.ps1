#Requires -Version 7.0
<#
.SYNOPSIS
    Runs (or only discovers) the Pester files in this folder and writes one JSON record per test.

.DESCRIPTION
    Used by tests/Totara.Pester.Tests, which turns each record into one xunit result so that
    `dotnet test` names every Pester test and shows Pester's message for a failure. It can be run
    by hand too:

        dotnet tool run pwsh -File tests/Pester/Invoke-PesterSuite.ps1 -PesterManifest <Pester.psd1> -ResultPath results.json

.PARAMETER PesterManifest
    The Pester.psd1 to import (the NuGet package's tools/ folder); the exact version is pinned by the build.

.PARAMETER ResultPath
    Where to write the JSON: { Tests: [ { File, Name, Result, Message } ], Containers: [ { File, Result, Message } ] }.

.PARAMETER Discover
    Find the tests without running them.

.PARAMETER Path
    The test files or folders to run (default: this folder); one argument may hold several,
    separated as in PATH (':' on Linux and macOS, ';' on Windows).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $PesterManifest,
    [Parameter(Mandatory = $true)] [string] $ResultPath,
    [switch] $Discover,
    [string[]] $Path = @($PSScriptRoot)
)

# No $ErrorActionPreference = 'Stop' here: the tests run in this scope's children and must see
# PowerShell's default (Continue), as a user's session does.
Import-Module -Name $PesterManifest -Force -ErrorAction Stop

$config = New-PesterConfiguration
$config.Run.Path = @($Path | ForEach-Object { $_ -split [regex]::Escape([System.IO.Path]::PathSeparator) } | Where-Object { $_ })
$config.Run.PassThru = $true
$config.Run.SkipRun = $Discover.IsPresent
$config.Output.Verbosity = if ($Discover) { 'None' } else { 'Normal' }
$result = Invoke-Pester -Configuration $config

function Get-FileName($Block) {
    $item = $Block.BlockContainer.Item
    if ($item -is [System.IO.FileInfo]) { $item.Name } else { "$item" }
}

function Format-PesterError($Records) {
    @($Records | ForEach-Object {
            $message = if ($_.DisplayErrorMessage) { $_.DisplayErrorMessage } else { $_.Exception.Message }
            $stack = if ($_.DisplayStackTrace) { $_.DisplayStackTrace } else { $_.ScriptStackTrace }
            "$message`n$stack".Trim()
        }) -join "`n"
}

# A test's name with its -ForEach data filled in (<Order> -> TotaraFirst), computed here the same
# way whether the run was a discovery or not: discovery leaves Pester's ExpandedName unexpanded.
function Get-TestName($Test) {
    $data = $Test.Data
    $name = [regex]::Replace($Test.Name, '<([^<>]+)>', {
            param($match)
            $key = $match.Groups[1].Value
            if ($data -is [System.Collections.IDictionary] -and $data.Contains($key)) { "$($data[$key])" }
            elseif ($key -eq '_' -and $null -ne $data) { "$data" }
            else { $match.Value }
        })
    (@($Test.Block.Path) + $name) -join '.'
}

$tests = foreach ($test in $result.Tests) {
    [ordered]@{
        File    = Get-FileName $test.Block
        Name    = Get-TestName $test
        Result  = "$($test.Result)"
        Message = Format-PesterError $test.ErrorRecord
    }
}
$containers = foreach ($container in $result.Containers) {
    [ordered]@{
        File    = if ($container.Item -is [System.IO.FileInfo]) { $container.Item.Name } else { "$($container.Item)" }
        Result  = "$($container.Result)"
        Message = Format-PesterError $container.ErrorRecord
    }
}

[ordered]@{ Tests = @($tests); Containers = @($containers) } |
    ConvertTo-Json -Depth 4 |
    Set-Content -LiteralPath $ResultPath -Encoding utf8 -ErrorAction Stop
