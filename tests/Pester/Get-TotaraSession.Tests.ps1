#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    $script:ModuleManifest = Get-BuiltModuleManifest
    Import-Module $script:ModuleManifest -Force
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Get-TotaraSession' {
    AfterEach {
        Disconnect-Totara
    }

    It 'returns nothing and writes no error when not connected' {
        $errors = $null

        $result = Get-TotaraSession -ErrorVariable errors

        $result | Should -BeNullOrEmpty
        $errors | Should -BeNullOrEmpty
    }

    It 'returns the default session' {
        Connect-TestEmulator -Emulator $Emulator -Extra @{ ServiceAccount = 'svc-sync' }

        $session = Get-TotaraSession

        $session | Should -BeOfType ([Totara.PowerShell.Session.TotaraSession])
        $session.ServiceAccount | Should -Be 'svc-sync'
        $session.ConnectedAt | Should -BeLessOrEqual ([datetimeoffset]::Now)
    }

    It 'returns the session connected last' {
        $first = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }
        $second = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }

        Get-TotaraSession | Should -Be $second
        Get-TotaraSession | Should -Not -Be $first
        Disconnect-Totara -Session $first
    }

    It 'tells whether the site offers an operation' {
        Connect-TestEmulator -Emulator $Emulator

        $session = Get-TotaraSession

        $session.Offers('totara_webapi_status') | Should -BeTrue
        $session.Offers('no_such_operation') | Should -BeFalse
    }
}
