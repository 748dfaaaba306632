#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests, demonstrates and packages Totara.PowerShell.

.DESCRIPTION
    A thin wrapper over the .NET SDK: every task is a `dotnet` command that also works on its
    own (see README.md). The Test task runs xunit and the Pester suite (in pwsh 7.6.10, the
    dotnet tool pinned in .config/dotnet-tools.json) against the built module.

.PARAMETER Task
    Build   - build the solution; the importable module lands in out/Totara.PowerShell/<version>/.
    Test    - run every test: xunit, and tests/Pester in real pwsh.
    Demo    - build the module and run samples/demo.ps1 against a freshly started emulator.
    Package - build in Release and write out/packages/: the Gallery .nupkg, the Azure Automation
              .zip and the totara-emulator dotnet tool (build/Package.proj).

.PARAMETER Configuration
    Debug or Release (default Debug; Package always uses Release).

.EXAMPLE
    ./build.ps1 Test

.EXAMPLE
    ./build.ps1 Package
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Debug'
)

$ErrorActionPreference = 'Stop'
Set-Location -LiteralPath $PSScriptRoot

function Invoke-Dotnet {
    param([Parameter(ValueFromRemainingArguments = $true)] [string[]] $Arguments)
    Write-Verbose "dotnet $($Arguments -join ' ')"
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments -join ' ') failed with exit code $LASTEXITCODE." }
}

function Get-ModuleFolder {
    $manifest = Get-ChildItem -Path (Join-Path $PSScriptRoot 'out/Totara.PowerShell') -Filter 'Totara.PowerShell.psd1' -Recurse |
        Sort-Object { [version]$_.Directory.Name } -Descending |
        Select-Object -First 1
    if (-not $manifest) { throw 'The module was not built: out/Totara.PowerShell/<version>/Totara.PowerShell.psd1 is missing.' }
    $manifest.Directory
}

switch ($Task) {
    'Build' {
        Invoke-Dotnet build Totara.PowerShell.sln -c $Configuration
        Write-Output "Module: $(Get-ModuleFolder)"
    }
    'Test' {
        # xunit and the Pester suite (in real pwsh, tests/Totara.Pester.Tests) in one command.
        Invoke-Dotnet test Totara.PowerShell.sln -c $Configuration
    }
    'Demo' {
        if ($PSVersionTable.PSVersion.Major -ge 7) {
            # Real pwsh: start the standalone emulator and run the demo script in this shell.
            Invoke-Dotnet build Totara.PowerShell.sln -c $Configuration
            $secret = [guid]::NewGuid().ToString('N')
            $log = Join-Path $PSScriptRoot 'out/emulator.log'
            # Start the built emulator directly (not through `dotnet run`) so stopping it stops the server.
            # Port 0: the emulator picks a free port and names it in its ready line.
            $emulatorDll = Join-Path $PSScriptRoot "src/Totara.Emulator/bin/$Configuration/net10.0/Totara.Emulator.dll"
            $emulator = Start-Process -FilePath dotnet -PassThru -NoNewWindow -RedirectStandardOutput $log -ArgumentList @(
                $emulatorDll, '--port', '0', '--client-id', 'demo', '--client-secret', $secret, '--demo')
            try {
                $deadline = (Get-Date).AddSeconds(60)
                $ready = $null
                while (-not $ready) {
                    if ((Get-Date) -gt $deadline) { throw 'The emulator did not start within 60 seconds.' }
                    Start-Sleep -Milliseconds 200
                    $ready = Select-String -Path $log -Pattern '^Totara emulator listening on (http://\S+)$' -ErrorAction SilentlyContinue | Select-Object -First 1
                }
                $url = $ready.Matches[0].Groups[1].Value
                $secure = ConvertTo-SecureString -String $secret -AsPlainText -Force
                Import-Module -Name (Join-Path (Get-ModuleFolder).FullName 'Totara.PowerShell.psd1') -Force
                & (Join-Path $PSScriptRoot 'samples/demo.ps1') -Url $url -ClientId 'demo' -ClientSecret $secure
            }
            finally {
                Stop-Process -Id $emulator.Id -ErrorAction SilentlyContinue
            }
        }
        else {
            # Windows PowerShell 5.1 cannot host the net10.0 emulator in-process: use the runner.
            Invoke-Dotnet run --project tools/Totara.DemoRunner -c $Configuration
        }
    }
    'Package' {
        # The logic is build/Package.proj's; this is the same as `dotnet msbuild build/Package.proj`.
        Invoke-Dotnet msbuild (Join-Path $PSScriptRoot 'build/Package.proj') -nologo "-p:Configuration=$(if ($PSBoundParameters.ContainsKey('Configuration')) { $Configuration } else { 'Release' })"
        Get-ChildItem -LiteralPath (Join-Path $PSScriptRoot 'out/packages') | ForEach-Object { Write-Output "Package: $($_.FullName)" }
    }
}
