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
Describe 'Get-TotaraGoal' {
    It "lists a piped user's goals as TotaraGoal objects" {
        $user = New-LearningTestUser -Prefix 'gl'
        $one = New-LearningTestGoal -User $user -Name 'One'
        $two = New-LearningTestGoal -User $user -Name 'Two'

        $goals = $user | Get-TotaraGoal

        $goals | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Goals.TotaraGoal]) }
        ($goals.IdNumber | Sort-Object) | Should -Be (@($one.IdNumber, $two.IdNumber) | Sort-Object)
        $goals.Username | Should -Be @($user.Username, $user.Username)
    }

    It 'filters by status and reads one goal by id_number or id' {
        $user = New-LearningTestUser -Prefix 'gs'
        $goal = New-LearningTestGoal -User $user
        $null = $goal | Set-TotaraGoalProgress -Status Completed -CurrentValue 100

        (Get-TotaraGoal -User $user.Username -Status Completed).Id | Should -Be $goal.Id
        Get-TotaraGoal -User $user.Username -Status NotStarted | Should -BeNullOrEmpty
        (Get-TotaraGoal -Identity $goal.IdNumber).Name | Should -Be $goal.Name
        (Get-TotaraGoal -Identity $goal.Id).IdNumber | Should -Be $goal.IdNumber
    }

    It 'writes TotaraGoalNotFound and TotaraUserNotFound errors' {
        $null = Get-TotaraGoal -Identity 'no-such-goal-pester' -ErrorVariable goalFailed -ErrorAction SilentlyContinue
        $null = Get-TotaraGoal -User 'no-such-user-pester' -ErrorVariable userFailed -ErrorAction SilentlyContinue

        $goalFailed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraGoalNotFound,*'
        $userFailed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
    }
}
