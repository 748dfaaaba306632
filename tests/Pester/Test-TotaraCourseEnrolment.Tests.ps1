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

Describe 'Test-TotaraCourseEnrolment' {
    It 'returns one boolean per user, in input order' {
        $in = New-LearningTestUser -Prefix 'tin'
        $out = New-LearningTestUser -Prefix 'tout'
        $null = $in | Add-TotaraCourseEnrolment -Course FIRE

        $out, $in | Test-TotaraCourseEnrolment -Course FIRE | Should -Be @($false, $true)
    }

    It 'returns result objects with -Detailed' {
        $user = New-LearningTestUser -Prefix 'tdet'
        $null = $user | Add-TotaraCourseEnrolment -Course FIRE

        $result = Test-TotaraCourseEnrolment -Course FIRE -User $user.Username -Detailed

        $result | Should -BeOfType ([Totara.PowerShell.Courses.TotaraCourseEnrolmentResult])
        $result.Result | Should -Be 'IsEnrolled'
        $result.IsEnrolled | Should -BeTrue
    }

    It 'writes TotaraUserNotFound for an unknown user' {
        $null = Test-TotaraCourseEnrolment -Course FIRE -User 'nobody-pester' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failed[0].TargetObject | Should -Be 'nobody-pester'
    }
}
