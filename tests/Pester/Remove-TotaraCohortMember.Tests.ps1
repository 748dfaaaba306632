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

Describe 'Remove-TotaraCohortMember' {
    It 'says Removed for members and WasNotMember for the others' {
        $member, $other = (New-TestPerson), (New-TestPerson)
        $member | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' | Out-Null

        $results = @($member, $other) | Remove-TotaraCohortMember -Cohort 'AUD-GRAD27'

        $results.Result | Should -Be @('Removed', 'WasNotMember')
        $results.Changed | Should -Be @($true, $false)
        $member | Test-TotaraCohortMember -Cohort 'AUD-GRAD27' | Should -BeFalse
    }

    It 'works through its audience alias with an audience object' {
        $member = New-TestPerson
        $audience = Get-TotaraCohort -Identity 'AUD-GRAD27'
        $member | Add-TotaraCohortMember -Cohort $audience | Out-Null

        ($member | Remove-TotaraAudienceMember -Cohort $audience).Result | Should -Be 'Removed'
    }

    It 'reports an unknown user as a non-terminating error and goes on' {
        $member = New-TestPerson
        $member | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' | Out-Null

        $results = @('nobody-at-all', $member) | Remove-TotaraCohortMember -Cohort 'AUD-GRAD27' -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Result | Should -Be 'Removed'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        $member = New-TestPerson
        $member | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' | Out-Null

        $member | Remove-TotaraCohortMember -Cohort 'AUD-GRAD27' -WhatIf

        $member | Test-TotaraCohortMember -Cohort 'AUD-GRAD27' | Should -BeTrue
    }
}
