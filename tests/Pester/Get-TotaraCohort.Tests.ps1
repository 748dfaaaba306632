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

Describe 'Get-TotaraCohort' {
    It 'lists the static audiences of the demo site, not the dynamic ones' {
        $all = Get-TotaraCohort

        $all[0] | Should -BeOfType ([Totara.PowerShell.Cohorts.TotaraCohort])
        $all.IdNumber | Should -Contain 'AUD-ALL'
        $all.IdNumber | Should -Contain 'AUD-GRAD27'
        $all.IdNumber | Should -Not -Contain 'AUD-MANAGERS'
    }

    It 'gets one audience by idnumber, id or name, and through its alias' {
        $byIdNumber = Get-TotaraCohort -Identity 'AUD-GRAD27'
        $byId = Get-TotaraCohort -Identity $byIdNumber.Id
        $byName = Get-TotaraAudience 'Graduate intake 2027'

        $byIdNumber.Name | Should -Be 'Graduate intake 2027'
        $byId.IdNumber | Should -Be 'AUD-GRAD27'
        $byName.Id | Should -Be $byIdNumber.Id
    }

    It 'filters the list by tag' {
        $tagged = Get-TotaraCohort -Tag 'department'

        $tagged | Should -Not -BeNullOrEmpty
        $tagged.IdNumber | Should -Not -Contain 'AUD-ALL'
    }

    It 'writes a non-terminating TotaraCohortNotFound error for an unknown audience and goes on' {
        $found = Get-TotaraCohort -Identity 'no-such-audience', 'AUD-ALL' -ErrorVariable failed -ErrorAction SilentlyContinue

        $found.IdNumber | Should -Be 'AUD-ALL'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraCohortNotFound,*'
        $failed[0].TargetObject | Should -Be 'no-such-audience'
    }
}
