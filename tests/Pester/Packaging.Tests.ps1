#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The packages of build/Package.proj, used the way an admin gets them: Install-PSResource from a
# (local) repository, the Azure Automation zip expanded into a module folder, and the emulator
# installed as a dotnet tool. Each runs in fresh pwsh processes whose module and data folders
# point only at temporary folders, so nothing of this machine's own installation is involved.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $configuration = if ($env:TOTARA_BUILD_CONFIGURATION) { $env:TOTARA_BUILD_CONFIGURATION } else { 'Debug' }
    $script:Packages = Join-Path $TestDrive 'packages'
    $build = & dotnet msbuild (Join-Path $script:RepoRoot 'build/Package.proj') -nologo -v:q "-p:Configuration=$configuration" "-p:PackageOutput=$script:Packages" 2>&1
    if ($LASTEXITCODE -ne 0) { throw "build/Package.proj failed:`n$($build -join "`n")" }
    $script:Version = (Import-PowerShellDataFile -LiteralPath (Get-BuiltModuleManifest)).ModuleVersion
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force

    function Invoke-IsolatedPwsh {
        <# Runs a script in a new pwsh whose home, data and module folders are all under $Root. #>
        param([string] $Root, [string] $ModulePath, [string] $Script, [string[]] $Arguments = @())
        $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $path -Value $Script
        $saved = @{}
        $isolated = @{
            HOME            = $Root
            XDG_DATA_HOME   = Join-Path $Root 'data'
            XDG_CONFIG_HOME = Join-Path $Root 'config'
            XDG_CACHE_HOME  = Join-Path $Root 'cache'
            PSModulePath    = $ModulePath
        }
        # They must exist: .NET reports a missing data folder as '' and PSResourceGet would then
        # write its repository list into the current folder.
        foreach ($folder in 'data', 'config', 'cache') { New-Item -ItemType Directory -Path (Join-Path $Root $folder) -Force | Out-Null }
        foreach ($name in $isolated.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $isolated[$name]) }
        try {
            Invoke-FreshPwsh -ScriptPath $path -Arguments $Arguments
        }
        finally {
            foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'The packages' {
    It 'build/Package.proj writes the Gallery package, the Azure Automation zip and the emulator tool' {
        Join-Path $Packages "Totara.PowerShell.$Version.nupkg" | Should -Exist
        Join-Path $Packages "Totara.PowerShell-$Version-azure-automation.zip" | Should -Exist
        Join-Path $Packages "totara-emulator.$Version.nupkg" | Should -Exist
    }

    It 'installs with Install-PSResource, loads on first use, shows its help, and uninstalls cleanly' {
        $root = Join-Path $TestDrive 'gallery'
        # PSResourceGet's CurrentUser scope on Linux and macOS: $HOME/.local/share/powershell/Modules.
        $modules = Join-Path $root '.local/share/powershell/Modules'
        New-Item -ItemType Directory -Path $modules -Force | Out-Null

        $installed = Invoke-IsolatedPwsh -Root $root -ModulePath $modules -Arguments @($Packages) -Script @'
param($Packages)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name LocalFeed -Uri $Packages -Trusted
Install-PSResource -Name Totara.PowerShell -Repository LocalFeed -TrustRepository
(Get-InstalledPSResource -Name Totara.PowerShell).InstalledLocation
'@
        @($installed)[-1] | Should -BeLike "$modules*"
        Join-Path $modules "Totara.PowerShell/$Version/Totara.PowerShell.psd1" | Should -Exist

        # A new process: no Import-Module, command discovery loads the module.
        $used = Invoke-IsolatedPwsh -Root $root -ModulePath $modules -Arguments @($Emulator.Url, $Emulator.ClientId, $Emulator.ClientSecret) -Script @'
param($Url, $ClientId, $Secret)
$ErrorActionPreference = 'Stop'
$before = @(Get-Module Totara.PowerShell).Count
$session = Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force) -PassThru
$examples = Get-Help Connect-Totara -Examples | Out-String
[pscustomobject]@{
    LoadedBefore = $before
    Version      = (Get-Module Totara.PowerShell).Version.ToString()
    ModuleBase   = (Get-Module Totara.PowerShell).ModuleBase
    Connected    = $session.Url.ToString()
    HasExamples  = $examples -match 'Example 1'
} | ConvertTo-Json -Compress
'@
        $report = @($used)[-1] | ConvertFrom-Json
        $report.LoadedBefore | Should -Be 0
        $report.Version | Should -Be $Version
        $report.ModuleBase | Should -BeLike "$modules*"
        $report.Connected | Should -BeLike "$($Emulator.Url)*"
        $report.HasExamples | Should -BeTrue

        $left = Invoke-IsolatedPwsh -Root $root -ModulePath $modules -Script @'
$ErrorActionPreference = 'Stop'
Uninstall-PSResource -Name Totara.PowerShell
@(Get-InstalledPSResource -Name Totara.PowerShell -ErrorAction SilentlyContinue).Count
'@
        @($left)[-1] | Should -Be '0'
        Join-Path $modules 'Totara.PowerShell' | Should -Not -Exist
        # Every file PSResourceGet wrote stayed in the temporary home.
        Join-Path $RepoRoot 'PSResourceGet' | Should -Not -Exist
        Join-Path $root 'data/PSResourceGet/PSResourceRepository.xml' | Should -Exist
    }

    It 'the Azure Automation zip holds Totara.PowerShell/ at its root with exactly the module''s files, and imports by name' {
        $zip = Join-Path $Packages "Totara.PowerShell-$Version-azure-automation.zip"
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $archive = [System.IO.Compression.ZipFile]::OpenRead($zip)
        try {
            $entries = @($archive.Entries | Where-Object { $_.Name } | ForEach-Object { $_.FullName -replace '\\', '/' } | Sort-Object)
        }
        finally {
            $archive.Dispose()
        }
        $moduleFolder = Split-Path -Parent (Get-BuiltModuleManifest)
        $expected = @(Get-ChildItem -LiteralPath $moduleFolder -Recurse -File | Where-Object Extension -ne '.pdb' |
                ForEach-Object { 'Totara.PowerShell/' + [System.IO.Path]::GetRelativePath($moduleFolder, $_.FullName).Replace('\', '/') } | Sort-Object)
        $entries | Should -Be $expected
        $entries | Where-Object { $_ -match '\.pdb$|Tests|\.ps1$' } | Should -BeNullOrEmpty

        $modules = Join-Path $TestDrive 'automation/Modules'
        Expand-Archive -LiteralPath $zip -DestinationPath $modules
        $imported = Invoke-IsolatedPwsh -Root (Join-Path $TestDrive 'automation') -ModulePath $modules -Script @'
$ErrorActionPreference = 'Stop'
Import-Module Totara.PowerShell
"$((Get-Module Totara.PowerShell).Version) $(@(Get-Command -Module Totara.PowerShell -CommandType Cmdlet).Count)"
'@
        @($imported)[-1] | Should -Be "$Version 30"
    }

    It 'the emulator installs as a dotnet tool and serves with the same switches and ready line' {
        $tools = Join-Path $TestDrive 'tools'
        $saved = $env:NUGET_PACKAGES
        # A package cache of its own: a rebuilt package of the same version is never taken from the machine's cache.
        $env:NUGET_PACKAGES = Join-Path $TestDrive 'nuget'
        try {
            $install = & dotnet tool install totara-emulator --version $Version --add-source $Packages --tool-path $tools 2>&1
            if ($LASTEXITCODE -ne 0) { throw "dotnet tool install failed:`n$($install -join "`n")" }
        }
        finally {
            $env:NUGET_PACKAGES = $saved
        }
        $command = Join-Path $tools ($(if ($IsWindows) { 'totara-emulator.exe' } else { 'totara-emulator' }))
        $command | Should -Exist

        $log = Join-Path $TestDrive 'tool-emulator.log'
        $secret = [guid]::NewGuid().ToString('N')
        $process = Start-Process -FilePath $command -ArgumentList @('--port', '0', '--client-id', 'tool-client', '--client-secret', $secret, '--demo') `
            -PassThru -NoNewWindow -RedirectStandardOutput $log -RedirectStandardError "$log.err"
        try {
            $deadline = [datetime]::UtcNow.AddSeconds(60)
            $ready = $null
            while (-not $ready -and [datetime]::UtcNow -lt $deadline -and -not $process.HasExited) {
                Start-Sleep -Milliseconds 200
                $ready = Select-String -LiteralPath $log -Pattern '^Totara emulator listening on (http://127\.0\.0\.1:\d+)$' -ErrorAction SilentlyContinue | Select-Object -First 1
            }
            $ready | Should -Not -BeNullOrEmpty -Because "the tool prints its ready line ($(Get-Content -LiteralPath "$log.err" -Raw -ErrorAction SilentlyContinue))"
            $url = $ready.Matches[0].Groups[1].Value
            $session = Connect-Totara -Url $url -ClientId 'tool-client' -ClientSecret (ConvertTo-SecureString $secret -AsPlainText -Force) -PassThru
            (Get-TotaraUser -Session $session | Measure-Object).Count | Should -BeGreaterThan 100
        }
        finally {
            Disconnect-Totara -ErrorAction SilentlyContinue
            if (-not $process.HasExited) { $process.Kill($true) }
        }
    }
}
