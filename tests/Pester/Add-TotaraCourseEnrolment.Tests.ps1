#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    . (Join-Path $PSScriptRoot 'Learning.Support.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Add-TotaraCourseEnrolment' {
    It 'enrols piped users and reports Enrolled, then AlreadyEnrolled' {
        $users = 1..3 | ForEach-Object { New-LearningTestUser -Prefix 'enrol' }

        $first = $users | Add-TotaraCourseEnrolment -Course INDUCT
        $second = $users | Add-TotaraCourseEnrolment -Course INDUCT

        $first | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Courses.TotaraCourseEnrolmentResult]) }
        $first.Result | Should -Be @('Enrolled', 'Enrolled', 'Enrolled')
        $second.Result | Should -Be @('AlreadyEnrolled', 'AlreadyEnrolled', 'AlreadyEnrolled')
        $users | Test-TotaraCourseEnrolment -Course INDUCT | Should -Be @($true, $true, $true)
    }

    It 'takes CSV-like rows and applies role and end date' {
        $user = New-LearningTestUser -Prefix 'role'
        $end = [datetime]::UtcNow.Date.AddDays(30)

        $result = [pscustomobject]@{ EmployeeID = $user.IdNumber } | Add-TotaraCourseEnrolment -Course 'Fire Safety Awareness' -Role teacher -EndDate $end

        $result.Result | Should -Be 'Enrolled'
        $result.Role | Should -Be 'teacher'
        $result.End | Should -Be $end
    }

    It 'writes TotaraUserNotFound for an unknown user with the input as target' {
        $row = [pscustomobject]@{ Username = 'no-such-user-pester' }

        $null = $row | Add-TotaraCourseEnrolment -Course INDUCT -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failed[0].TargetObject.Username | Should -Be 'no-such-user-pester'
    }

    It 'sends nothing with -WhatIf' {
        $user = New-LearningTestUser -Prefix 'whatif'

        $user | Add-TotaraCourseEnrolment -Course GDPR -WhatIf

        Test-TotaraCourseEnrolment -Course GDPR -User $user | Should -BeFalse
    }
}
