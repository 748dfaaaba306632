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

Describe 'Disconnect-Totara' {
    AfterEach {
        Disconnect-Totara
    }

    It 'closes the default session and clears the default' {
        $session = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }

        Disconnect-Totara

        $session.IsConnected | Should -BeFalse
        Get-TotaraSession | Should -BeNullOrEmpty
        (Get-ThrownError { Get-TotaraStatus -ErrorAction Stop }).FullyQualifiedErrorId |
            Should -BeLike 'TotaraNotConnected,*'
    }

    It 'refuses to use a closed session' {
        $session = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }
        $session | Disconnect-Totara

        (Get-ThrownError { Get-TotaraStatus -Session $session -ErrorAction Stop }).FullyQualifiedErrorId |
            Should -BeLike 'TotaraSessionClosed,*'
    }

    It 'closes only the session given and keeps another default' {
        $first = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }
        $second = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }

        Disconnect-Totara -Session $first

        $first.IsConnected | Should -BeFalse
        $second.IsConnected | Should -BeTrue
        Get-TotaraSession | Should -Be $second
    }

    It 'does nothing, without an error, when there is no session' {
        Get-TotaraSession | Should -BeNullOrEmpty

        { Disconnect-Totara -ErrorAction Stop } | Should -Not -Throw
    }

    It 'keeps the session open with -WhatIf' {
        $session = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }

        Disconnect-Totara -WhatIf

        $session.IsConnected | Should -BeTrue
        Get-TotaraSession | Should -Be $session
    }
}
