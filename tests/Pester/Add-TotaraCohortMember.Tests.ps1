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

Describe 'Add-TotaraCohortMember' {
    It 'adds piped users in every form, one result per user' {
        $a, $b, $c = (New-TestPerson), (New-TestPerson), (New-TestPerson)

        $results = @($a, [pscustomobject]@{ IdNumber = $b.IdNumber }, $c.Email) | Add-TotaraCohortMember -Cohort 'AUD-GRAD27'

        $results.Count | Should -Be 3
        $results[0] | Should -BeOfType ([Totara.PowerShell.Cohorts.TotaraCohortMembership])
        $results.Result | Should -Be @('Added', 'Added', 'Added')
        $results.UserId | Should -Be @($a.Id, $b.Id, $c.Id)
        ($a, $b, $c | Test-TotaraCohortMember -Cohort 'AUD-GRAD27') | Should -Be @($true, $true, $true)
    }

    It 'says AlreadyMember for a member, through the audience alias' {
        $a = New-TestPerson
        $a | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' | Out-Null

        $again = $a | Add-TotaraAudienceMember -Cohort 'AUD-GRAD27'

        $again.Result | Should -Be 'AlreadyMember'
        $again.Changed | Should -BeFalse
    }

    It 'reports an unknown user as a non-terminating error naming the input, and the rest go on' {
        $a = New-TestPerson

        $results = @('no-such-user-here', $a) | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Result | Should -Be 'Added'
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failed[0].TargetObject | Should -Be 'no-such-user-here'
    }

    It 'stops with TotaraCohortNotFound for an audience that does not exist' {
        $a = New-TestPerson

        $thrown = Get-ThrownError { $a | Add-TotaraCohortMember -Cohort 'no-such-audience' }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'TotaraCohortNotFound,*'
    }

    It 'sends nothing with -WhatIf' {
        $a = New-TestPerson

        $a | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' -WhatIf

        $a | Test-TotaraCohortMember -Cohort 'AUD-GRAD27' | Should -BeFalse
    }
}

Describe 'Add-TotaraCohortMember on a site that sends no error text (response_debug none)' {
    BeforeAll {
        $script:Silent = Start-TestEmulator -ExtraArguments @('--response-debug', 'none')
        $script:SilentSession = Connect-TestEmulator -Emulator $script:Silent -Extra @{ PassThru = $true }
        $script:SilentPerson = New-TestPerson -Session $script:SilentSession
    }

    AfterAll {
        if ($script:Silent) { Stop-TestEmulator -Emulator $script:Silent }
    }

    It 'still tries an idnumber after the username, and names an unknown user as not found' {
        $results = @($SilentPerson.IdNumber, 'no-such-user-here') |
            Add-TotaraCohortMember -Session $SilentSession -Cohort 'AUD-GRAD27' -ErrorVariable failed -ErrorAction SilentlyContinue

        $results.Result | Should -Be 'Added'
        $results.UserId | Should -Be $SilentPerson.Id
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failed[0].TargetObject | Should -Be 'no-such-user-here'
    }
}
