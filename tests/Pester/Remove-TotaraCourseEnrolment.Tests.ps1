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

Describe 'Remove-TotaraCourseEnrolment' {
    It 'unenrols enrolled users and reports NotManuallyEnrolled for the others' {
        $enrolled = New-LearningTestUser -Prefix 'rm'
        $other = New-LearningTestUser -Prefix 'rm'
        $null = $enrolled | Add-TotaraCourseEnrolment -Course GDPR

        $results = $enrolled, $other | Remove-TotaraCourseEnrolment -Course GDPR -Confirm:$false

        $results.Result | Should -Be @('Unenrolled', 'NotManuallyEnrolled')
        $results.Changed | Should -Be @($true, $false)
        Test-TotaraCourseEnrolment -Course GDPR -User $enrolled | Should -BeFalse
    }

    It 'is a high-impact change that -WhatIf leaves alone' {
        (Get-Command Remove-TotaraCourseEnrolment).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        $user = New-LearningTestUser -Prefix 'rmwi'
        $null = $user | Add-TotaraCourseEnrolment -Course GDPR

        $user | Remove-TotaraCourseEnrolment -Course GDPR -WhatIf

        Test-TotaraCourseEnrolment -Course GDPR -User $user | Should -BeTrue
    }

    It 'stops with TotaraCourseNotFound before sending anything for an unknown course' {
        $user = New-LearningTestUser -Prefix 'rmnf'

        $failure = Get-ThrownError { $user | Remove-TotaraCourseEnrolment -Course 'no such course' -Confirm:$false }

        $failure.FullyQualifiedErrorId | Should -BeLike 'TotaraCourseNotFound,*'
    }
}
