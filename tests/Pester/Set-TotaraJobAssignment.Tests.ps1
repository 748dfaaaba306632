#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Set-TotaraJobAssignment' {
    BeforeEach {
        $script:Worker, $script:Boss = (New-TestPerson), (New-TestPerson)
        New-TotaraJobAssignment -UserIdNumber $Boss.IdNumber -IdNumber 'BOSS' | Out-Null
        New-TotaraJobAssignment -UserIdNumber $Worker.IdNumber -IdNumber 'J' -FullName 'Analyst' -PositionIdNumber 'POS-CEO' | Out-Null
    }

    It 'sends only the fields given; empty cells keep what the site has' {
        $row = [pscustomobject]@{ useridnumber = $Worker.IdNumber; idnumber = 'J'; fullname = ''; posidnumber = ''; manageridnumber = $Boss.IdNumber }

        $job = $row | Set-TotaraJobAssignment

        $job.FullName | Should -Be 'Analyst'
        $job.PositionIdNumber | Should -Be 'POS-CEO'
        $job.ManagerIdNumber | Should -Be $Boss.IdNumber
        $job.ManagerJobAssignmentIdNumber | Should -Be 'BOSS'
    }

    It 'clears a field given empty on the command line and renames with -NewIdNumber' {
        $job = Get-TotaraJobAssignment -UserIdNumber $Worker.IdNumber | Set-TotaraJobAssignment -PositionIdNumber '' -NewIdNumber 'J2'

        $job.IdNumber | Should -Be 'J2'
        $job.PositionIdNumber | Should -BeNullOrEmpty
        $job.FullName | Should -Be 'Analyst'
    }

    It 'reports an assignment that does not exist as a non-terminating error' {
        Set-TotaraJobAssignment -UserIdNumber $Worker.IdNumber -IdNumber 'NOPE' -FullName 'x' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraJobAssignmentNotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        Set-TotaraJobAssignment -UserIdNumber $Worker.IdNumber -IdNumber 'J' -FullName 'Changed' -WhatIf

        (Get-TotaraJobAssignment -UserIdNumber $Worker.IdNumber).FullName | Should -Be 'Analyst'
    }
}
