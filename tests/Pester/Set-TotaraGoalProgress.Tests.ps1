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
Describe 'Set-TotaraGoalProgress' {
    It 'sets status and value and returns the progress' {
        $user = New-LearningTestUser -Prefix 'gp'
        $goal = New-LearningTestGoal -User $user

        $progress = Set-TotaraGoalProgress -Identity $goal.Id -Status InProgress -CurrentValue 40

        $progress | Should -BeOfType ([Totara.PowerShell.Goals.TotaraGoalProgress])
        $progress.Status | Should -Be 'in_progress'
        $progress.CurrentValue | Should -Be 40
    }

    It "keeps the goal's own value when only the status is given" {
        $user = New-LearningTestUser -Prefix 'gpk'
        $goal = New-LearningTestGoal -User $user
        $null = Set-TotaraGoalProgress -Identity $goal.IdNumber -Status InProgress -CurrentValue 30

        $null = [pscustomobject]@{ IdNumber = $goal.IdNumber } | Set-TotaraGoalProgress -Status Completed

        $after = Get-TotaraGoal -Identity $goal.IdNumber
        $after.Status | Should -Be 'completed'
        $after.CurrentValue | Should -Be 30
        $after.ClosedAt | Should -Not -BeNullOrEmpty
    }

    It 'refuses a value out of range before sending' {
        $user = New-LearningTestUser -Prefix 'gpr'
        $goal = New-LearningTestGoal -User $user

        $null = Set-TotaraGoalProgress -Identity $goal.Id -CurrentValue 100000 -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraInvalidInput,*'
        $failed[0].Exception.Message | Should -Match 'CurrentValue'
    }
}
