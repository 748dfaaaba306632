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
Describe 'Remove-TotaraGoal' {
    It "deletes a user's piped goals" {
        $user = New-LearningTestUser -Prefix 'rg'
        $null = New-LearningTestGoal -User $user
        $null = New-LearningTestGoal -User $user

        Get-TotaraGoal -User $user | Remove-TotaraGoal -Confirm:$false

        Get-TotaraGoal -User $user | Should -BeNullOrEmpty
    }

    It 'is high impact and -WhatIf deletes nothing' {
        (Get-Command Remove-TotaraGoal).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
        $user = New-LearningTestUser -Prefix 'rgw'
        $goal = New-LearningTestGoal -User $user

        $goal | Remove-TotaraGoal -WhatIf

        (Get-TotaraGoal -Identity $goal.Id).Id | Should -Be $goal.Id
    }

    It 'writes TotaraGoalNotFound for an unknown goal' {
        Remove-TotaraGoal -Identity 'no-such-goal-pester' -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraGoalNotFound,*'
    }
}
