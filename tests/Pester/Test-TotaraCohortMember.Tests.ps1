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

Describe 'Test-TotaraCohortMember' {
    BeforeAll {
        $script:Member, $script:Other = (New-TestPerson), (New-TestPerson)
        $script:Member | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' | Out-Null
    }

    It 'returns one boolean per user, in input order' {
        $answers = @($Member, $Other, $Member.Username) | Test-TotaraCohortMember -Cohort 'AUD-GRAD27'

        $answers | Should -Be @($true, $false, $true)
    }

    It 'returns result objects with -Detailed, for checking a known set of users' {
        $results = @($Member, $Other) | Test-TotaraAudienceMember -Cohort 'AUD-GRAD27' -Detailed

        $results.Result | Should -Be @('Member', 'NotMember')
        ($results | Where-Object Result -eq 'NotMember').UserId | Should -BeNullOrEmpty -Because 'a test sends no mutation, so the site names no user'
        ($results | Where-Object Result -eq 'NotMember').User | Should -Be $Other.Username
    }

    It 'answers for a dynamic audience named by idnumber' {
        { Test-TotaraCohortMember -Cohort 'AUD-MANAGERS' -User $Other } | Should -Not -Throw
        Test-TotaraCohortMember -Cohort 'AUD-MANAGERS' -User $Other | Should -BeFalse
    }

    It 'reports an unknown user as a non-terminating error and goes on' {
        $answers = @('nobody-at-all', $Member) | Test-TotaraCohortMember -Cohort 'AUD-GRAD27' -ErrorVariable failed -ErrorAction SilentlyContinue

        $answers | Should -Be $true
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
    }
}
