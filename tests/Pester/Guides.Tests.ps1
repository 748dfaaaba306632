#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Runs the PowerShell examples of README.md and the guides in docs/ in real pwsh, with the real
# Import-Csv, Export-Csv and ConvertTo-Json, against the emulator. What cannot exist here is
# replaced in plain sight, below:
# - the site: the examples' addresses, client ids and Read-Host prompts become the emulator's
#   (the Substitutions table);
# - Azure: Get-AutomationPSCredential, Get-AutomationVariable (Azure Automation's own cmdlets) and
#   Az.Accounts/Az.Storage are functions that keep "blobs" in a folder (Azure stand-ins below).
# Blocks that deploy to Azure (New-AzAutomationModule, schedules) or build the package are listed
# in NotRunHere with the reason; everything else must run. docs/recipes.md has Recipes.Tests.ps1.

BeforeDiscovery {
    $script:NotRunHere = @{
        'docs/runbooks.md#1' = 'builds the release package (./build.ps1 Package)'
        'docs/runbooks.md#2' = 'uploads the module to an Azure Automation account'
        'docs/runbooks.md#5' = 'creates an Azure Automation schedule'
    }
    $root = Join-Path $PSScriptRoot '../..'
    $script:Blocks = foreach ($file in @('README.md') + @(Get-ChildItem -LiteralPath (Join-Path $root 'docs') -Filter '*.md' |
                Where-Object { $_.Name -cmatch '^[a-z]' -and $_.Name -ne 'recipes.md' } | ForEach-Object { "docs/$($_.Name)" })) {
        $text = (Get-Content -LiteralPath (Join-Path $root $file) -Raw) -replace "`r`n", "`n"
        $n = 0
        foreach ($match in [regex]::Matches($text, '(?s)```powershell\n(.*?)```')) {
            $n++
            @{ File = $file; Number = $n; Code = $match.Groups[1].Value; NotRunBecause = $script:NotRunHere["$file#$n"] }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    # A second API client for the runbook's scaling-out examples (docs/runbooks.md section 7).
    $script:SecondSecret = 'guide-2-' + [guid]::NewGuid().ToString('N')
    $script:Emulator = Start-TestEmulator -ClientId 'guide-client' -ExtraArguments @('--service-username', 'svc-hr-sync', '--client', "guide-client-2:$SecondSecret")
    Import-Module (Get-BuiltModuleManifest) -Force
    # `Import-Module Totara.PowerShell` by name, as the runbook writes it, finds the built module.
    $env:PSModulePath = (Join-Path $script:RepoRoot 'out') + [System.IO.Path]::PathSeparator + $env:PSModulePath

    Connect-TestEmulator -Emulator $script:Emulator

    # The examples' site, client and secret prompt become the emulator's.
    $script:Substitutions = [ordered]@{
        "Read-Host -AsSecureString 'Client secret'"           = '(ConvertTo-SecureString $GuideSecret -AsPlainText -Force)'
        "Read-Host -Prompt 'Client secret' -AsSecureString"   = '(ConvertTo-SecureString $GuideSecret -AsPlainText -Force)'
        "ConvertTo-SecureString -String 's3cret'"             = 'ConvertTo-SecureString -String $GuideSecret'
        'https://test.learn.example.com'                      = $script:Emulator.Url
        'https://learn.example.com'                           = $script:Emulator.Url
        'http://127.0.0.1:5099'                               = $script:Emulator.Url
        "-ClientId 'sync-client'"                             = "-ClientId 'guide-client'"
        "-ClientId 'hr-sync'"                                 = "-ClientId 'guide-client'"
        "-ClientId 'demo'"                                    = "-ClientId 'guide-client'"
        './out/Totara.PowerShell/0.1.0/Totara.PowerShell.psd1' = (Get-BuiltModuleManifest)
    }

    function New-GuideFolder {
        # What the examples expect beside them: the HR export and a starters file.
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        Copy-Item -LiteralPath (Join-Path $script:RepoRoot 'samples/hr.csv') -Destination (Join-Path $folder 'hr.csv')
        $tag = [guid]::NewGuid().ToString('N').Substring(0, 8)
        1..3 | ForEach-Object {
            [pscustomobject]@{ Username = "starter$_-$tag"; FirstName = 'New'; LastName = "Starter$_"; Email = "starter$_-$tag@example.com" }
        } | Export-Csv -LiteralPath (Join-Path $folder 'starters.csv') -NoTypeInformation
        $folder
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Examples in README.md and docs/' {
    It 'runs every example but the Azure deployment steps' {
        # Each block not run here is named, with its reason; a new block is run unless listed.
        @($Blocks | Where-Object NotRunBecause | ForEach-Object { "$($_.File)#$($_.Number)" } | Sort-Object) |
            Should -Be @('docs/runbooks.md#1', 'docs/runbooks.md#2', 'docs/runbooks.md#5')
        ($Blocks | Where-Object { $_.File -eq 'docs/runbooks.md' -and $_.Number -eq 2 }).Code | Should -Match 'New-AzAutomationModule'
        ($Blocks | Where-Object { $_.File -eq 'docs/runbooks.md' -and $_.Number -eq 5 }).Code | Should -Match 'New-AzAutomationSchedule'
    }

    It '<File> example <Number> runs as written' -ForEach @($Blocks | Where-Object { -not $_.NotRunBecause }) {
        $code = $Code
        foreach ($from in $Substitutions.Keys) { $code = $code.Replace($from, $Substitutions[$from]) }
        $code | Should -Not -Match 'learn\.example\.com' -Because 'every site address is substituted'

        # What the examples take as given, defined here in plain sight.
        $GuideSecret = $Emulator.ClientSecret
        $credential = [pscredential]::new('guide-client', (ConvertTo-SecureString $GuideSecret -AsPlainText -Force))
        $liveCredential = $testCredential = $credential
        $query = 'query user($id: core_user_user_reference!) { core_user_user(reference: $id) { user { id username } } }'
        $ids = @(Get-TotaraUser -First 3 | ForEach-Object { @{ id = $_.Id } })

        # Azure stand-ins: Automation assets and a storage account kept in a folder.
        $blobs = Join-Path $TestDrive 'blobs'
        New-Item -ItemType Directory -Path (Join-Path $blobs 'hr-exports') -Force | Out-Null
        Copy-Item -LiteralPath (Join-Path $RepoRoot 'samples/hr.csv') -Destination (Join-Path $blobs 'hr-exports/hr.csv') -Force
        $secondCredential = [pscredential]::new('guide-client-2', (ConvertTo-SecureString $SecondSecret -AsPlainText -Force))
        function Get-AutomationPSCredential([string] $Name) { if ($Name -eq 'Totara API client 2') { $secondCredential } else { $credential } }
        function Get-AutomationVariable([string] $Name) {
            @{ TotaraUrl = $Emulator.Url; TotaraServiceAccount = 'svc-hr-sync' }[$Name]
        }
        function Connect-AzAccount([switch] $Identity) { [pscustomobject]@{ Account = 'managed identity' } }
        function New-AzStorageContext([string] $StorageAccountName, [switch] $UseConnectedAccount) { $blobs }
        function Get-AzStorageBlobContent {
            [CmdletBinding()]
            param($Context, [string] $Container, [string] $Blob, [string] $Destination)
            $path = Join-Path $Context "$Container/$Blob"
            if (-not (Test-Path -LiteralPath $path)) { Write-Error "The blob $Container/$Blob does not exist."; return }
            Copy-Item -LiteralPath $path -Destination $Destination -Force
            [pscustomobject]@{ Name = $Blob }
        }
        function Set-AzStorageBlobContent {
            [CmdletBinding()]
            param($Context, [string] $Container, [string] $File, [string] $Blob, [switch] $Force)
            if (-not $Blob) { $Blob = Split-Path -Leaf $File }
            New-Item -ItemType Directory -Path (Join-Path $Context $Container) -Force | Out-Null
            Copy-Item -LiteralPath $File -Destination (Join-Path $Context "$Container/$Blob") -Force
            [pscustomobject]@{ Name = $Blob }
        }
        # The runbook's summary example uses the runbook's $source and $sync.
        $source = Join-Path $blobs 'hr-exports/hr.csv'
        $sync = @{ SourceIsComplete = $true; MissingUserAction = 'Suspend'; MaxRemovals = '5%'; WhatIf = $true }

        Push-Location -LiteralPath (New-GuideFolder)
        try {
            $null = & ([scriptblock]::Create($code)) *>&1 | Tee-Object -Variable everything
        }
        finally {
            Pop-Location
            Connect-TestEmulator -Emulator $Emulator | Out-Null
        }
        $errors = @($everything | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        $errors | Should -BeNullOrEmpty -Because (($errors | ForEach-Object { "$_" }) -join '; ')
        if ("$File#$Number" -eq 'docs/runbooks.md#3') {
            # The runbook kept its report in the storage account.
            @(Get-ChildItem -LiteralPath (Join-Path $blobs 'sync-reports') -Filter 'totara-sync-*.csv') | Should -HaveCount 1
        }
    }
}
