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

Describe 'Get-TotaraStatus' {
    AfterEach {
        Disconnect-Totara
    }

    It 'returns the status of the default session as a TotaraStatus' {
        $session = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }

        $status = Get-TotaraStatus

        $status | Should -BeOfType ([Totara.PowerShell.Connection.TotaraStatus])
        $status.Status | Should -Be 'ok'
        $status.IsOk | Should -BeTrue
        $status.Url | Should -Be $session.Url
        $status.QueryCount | Should -Be $session.Queries.Count
        $status.MutationCount | Should -Be $session.Mutations.Count
        $status.ResponseTime | Should -BeGreaterThan ([timespan]::Zero)
    }

    It 'uses -Session instead of the default' {
        $other = Start-TestEmulator
        try {
            $first = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }
            $second = Connect-TestEmulator -Emulator $other -Extra @{ PassThru = $true }

            (Get-TotaraStatus -Session $first).Url | Should -Be $first.Url
            (Get-TotaraStatus).Url | Should -Be $second.Url
            Disconnect-Totara -Session $first
        }
        finally {
            Stop-TestEmulator -Emulator $other
        }
    }

    It 'stops with TotaraNotConnected when there is no session' {
        $failure = $null
        try { Get-TotaraStatus -ErrorAction Stop } catch { $failure = $_ }

        $failure.FullyQualifiedErrorId | Should -BeLike 'TotaraNotConnected,*'
        $failure.CategoryInfo.Category | Should -Be 'ConnectionError'
        $failure.Exception.Message | Should -Match 'Connect-Totara'
    }
}
