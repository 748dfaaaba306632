# Shared by the *.Tests.ps1 files in this folder (dot-source it in BeforeAll).
# Starts the standalone Totara emulator on a free loopback port, finds the built module under
# out/, and stops the emulator (with the child process `dotnet run` starts) afterwards.
# Requires PowerShell 7 and Pester 5; `dotnet test` runs them all (tests/Totara.Pester.Tests).

$script:RepoRoot = (Resolve-Path -LiteralPath (Join-Path $PSScriptRoot '../..')).Path

function Get-BuiltModuleManifest {
    $root = Join-Path $script:RepoRoot 'out/Totara.PowerShell'
    $manifest = Get-ChildItem -LiteralPath $root -Filter 'Totara.PowerShell.psd1' -Recurse -ErrorAction SilentlyContinue |
        Sort-Object { [version]$_.Directory.Name } -Descending |
        Select-Object -First 1
    if (-not $manifest) { throw "The module is not built: run 'dotnet build' first (looked under $root)." }
    $manifest.FullName
}

function Get-FreeTcpPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    try {
        $listener.Start()
        ([System.Net.IPEndPoint]$listener.LocalEndpoint).Port
    }
    finally {
        $listener.Stop()
    }
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
        Starts `dotnet run --project src/Totara.Emulator` and returns @{ Process; Url; ClientId; ClientSecret; Log }
        once it prints its ready line.
    #>
    param(
        [string] $ClientId = 'pester-client',
        [string] $ClientSecret = ('pester-' + [guid]::NewGuid().ToString('N')),
        [int] $TimeoutSeconds = 180,
        # More emulator switches (docs/emulator.md), e.g. @('--latency-ms', '20').
        [string[]] $ExtraArguments = @()
    )

    $port = Get-FreeTcpPort
    $log = Join-Path ([System.IO.Path]::GetTempPath()) "totara-emulator-$port.log"
    $errorLog = "$log.err"
    # The test project names the emulator it built (TOTARA_EMULATOR_DLL); by hand, `dotnet run` builds it.
    $emulatorArguments = @('--port', $port, '--client-id', $ClientId, '--client-secret', $ClientSecret, '--demo') + $ExtraArguments
    $arguments = if ($env:TOTARA_EMULATOR_DLL) {
        @($env:TOTARA_EMULATOR_DLL) + $emulatorArguments
    }
    else {
        @('run', '--project', (Join-Path $script:RepoRoot 'src/Totara.Emulator'), '--') + $emulatorArguments
    }
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput $log -RedirectStandardError $errorLog

    $ready = "Totara emulator listening on http://127.0.0.1:$port"
    $deadline = [datetime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Select-String -LiteralPath $log -SimpleMatch -Pattern $ready -Quiet -ErrorAction SilentlyContinue)) {
        if ($process.HasExited) {
            throw "The emulator exited with code $($process.ExitCode) before it was ready: $(Get-Content -LiteralPath $errorLog -Raw -ErrorAction SilentlyContinue)"
        }
        if ([datetime]::UtcNow -gt $deadline) {
            Stop-TestEmulator -Emulator @{ Process = $process }
            throw "The emulator did not print '$ready' within $TimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 200
    }

    @{
        Process      = $process
        Url          = "http://127.0.0.1:$port"
        ClientId     = $ClientId
        ClientSecret = $ClientSecret
        Log          = $log
    }
}

function Stop-TestEmulator {
    param([hashtable] $Emulator)
    $process = $Emulator.Process
    if ($process -and -not $process.HasExited) {
        # `dotnet run` starts the emulator as a child process: stop the whole tree.
        $process.Kill($true)
        $process.WaitForExit(10000) | Out-Null
    }
}

function Stop-TestRun {
    <# The end of every test file: forget the session, unload the module, stop the emulator. #>
    param([hashtable] $Emulator)
    Disconnect-Totara -ErrorAction SilentlyContinue
    Remove-Module -Name Totara.PowerShell -ErrorAction SilentlyContinue
    if ($Emulator) { Stop-TestEmulator -Emulator $Emulator }
}

function ConvertTo-TestSecureString {
    param([Parameter(Mandatory)] [string] $Text)
    ConvertTo-SecureString -String $Text -AsPlainText -Force
}

function Connect-TestEmulator {
    <# Connects to the emulator with its client credentials; extra parameters go to Connect-Totara. #>
    param([Parameter(Mandatory)] [hashtable] $Emulator, [hashtable] $Extra = @{})
    Connect-Totara -Url $Emulator.Url -ClientId $Emulator.ClientId -ClientSecret (ConvertTo-TestSecureString $Emulator.ClientSecret) @Extra
}

function Get-TestAccessToken {
    <# Asks the emulator's token endpoint for a token, as another tool would issue one. #>
    param([Parameter(Mandatory)] [hashtable] $Emulator)
    $body = @{ grant_type = 'client_credentials'; client_id = $Emulator.ClientId; client_secret = $Emulator.ClientSecret }
    (Invoke-RestMethod -Method Post -Uri "$($Emulator.Url)/totara/oauth2/token.php" -Body $body).access_token
}

function New-TestPerson {
    <# Creates a user with a fresh unique username, email and idnumber (ID-<username>) on the default or given session. #>
    param([string] $Prefix = 'pp', $Session)
    $name = $Prefix + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $sessionParameter = if ($Session) { @{ Session = $Session } } else { @{} }
    New-TotaraUser @sessionParameter -Username $name -FirstName 'Pester' -LastName 'Person' -Email "$name@example.com" -IdNumber "ID-$name" -GeneratePassword
}

function Get-ThrownError {
    <# Runs the script block with -ErrorAction Stop semantics and returns the ErrorRecord it stopped with (or $null). #>
    param([Parameter(Mandatory)] [scriptblock] $ScriptBlock)
    try {
        $ErrorActionPreference = 'Stop'
        & $ScriptBlock | Out-Null
    }
    catch {
        return $_
    }
    $null
}

function Invoke-FreshPwsh {
    <#
    .SYNOPSIS
        Runs a script file in a new pwsh process (the same pwsh as this one) and returns its
        output lines; throws with the output when it exits non-zero. For what only a fresh
        process shows: which assemblies load, in which order modules are imported.
    #>
    param([Parameter(Mandatory)] [string] $ScriptPath, [string[]] $Arguments = @())
    $apphost = Join-Path $PSHOME ($(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
    $output = if (Test-Path -LiteralPath $apphost) {
        & $apphost -NoProfile -NonInteractive -File $ScriptPath @Arguments 2>&1
    }
    else {
        & ([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $ScriptPath @Arguments 2>&1
    }
    if ($LASTEXITCODE -ne 0) { throw "pwsh -File $ScriptPath exited with $LASTEXITCODE`n$($output -join "`n")" }
    $output | ForEach-Object { "$_" }
}
