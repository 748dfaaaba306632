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
Describe 'Set-TotaraGoal' {
    It 'changes only the values given' {
        $user = New-LearningTestUser -Prefix 'sg'
        $goal = New-LearningTestGoal -User $user -Name 'Before'

        $changed = Set-TotaraGoal -Identity $goal.IdNumber -TargetValue 150

        $changed.TargetValue | Should -Be 150
        $changed.Name | Should -Be 'Before'
        $changed.TargetDate | Should -Be $goal.TargetDate
    }

    It 'takes piped goals and renames them, sending only what differs' {
        $user = New-LearningTestUser -Prefix 'sgp'
        $goal = New-LearningTestGoal -User $user -Name 'Old name'
        $newId = $goal.IdNumber + '-v2'

        $changed = $goal | Set-TotaraGoal -Name 'New name' -NewIdNumber $newId

        $changed.Name | Should -Be 'New name'
        $changed.IdNumber | Should -Be $newId
        (Get-TotaraGoal -Identity $newId).Id | Should -Be $goal.Id
    }

    It 'writes TotaraGoalNotFound for an unknown goal' {
        $null = Set-TotaraGoal -Identity 'no-such-goal-pester' -Name 'x' -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraGoalNotFound,*'
    }
}
