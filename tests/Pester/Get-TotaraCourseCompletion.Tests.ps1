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

Describe 'Get-TotaraCourseCompletion' {
    It 'returns one typed completion per piped user, ready for Export-Csv' {
        $users = Get-TotaraUser | Select-Object -First 25

        $report = $users | Get-TotaraCourseCompletion -Course INDUCT
        $csv = $report | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv

        $report.Count | Should -Be 25
        $report | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Courses.TotaraCourseCompletion]) }
        $report.Username | Should -Be $users.Username
        $report.Status | ForEach-Object { $_ | Should -BeIn @('NoRecord', 'NotYetStarted', 'InProgress', 'Complete', 'CompleteViaRpl') }
        $csv[0].PSObject.Properties.Name | Should -Contain 'TimeCompleted'
    }

    It 'reports NoRecord for a user who never enrolled' {
        $user = New-LearningTestUser -Prefix 'cmp'

        $completion = Get-TotaraCourseCompletion -Course GDPR -User $user

        $completion.Status | Should -Be 'NoRecord'
        $completion.IsComplete | Should -BeFalse
        $completion.Course | Should -Be 'Data Protection and GDPR'
    }

    It 'writes TotaraUserNotFound for an unknown user and goes on' {
        $user = New-LearningTestUser -Prefix 'cmpe'

        $completions = 'ghost-pester', $user | Get-TotaraCourseCompletion -Course GDPR -ErrorVariable failed -ErrorAction SilentlyContinue

        @($completions).Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failed[0].TargetObject | Should -Be 'ghost-pester'
    }
}
