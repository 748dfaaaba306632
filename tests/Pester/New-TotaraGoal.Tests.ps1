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
Describe 'New-TotaraGoal' {
    It 'creates goals from rows with defaults and returns them' {
        $a = New-LearningTestUser -Prefix 'ng'
        $b = New-LearningTestUser -Prefix 'ng'
        $key = 'PESTER-NEW-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $rows = @(
            [pscustomobject]@{ Username = $a.Username; Name = 'Lead a meeting'; IdNumber = "$key-a"; TargetDate = [datetime]::Today.AddMonths(2) }
            [pscustomobject]@{ User = $b.IdNumber; GoalName = 'Mentor'; GoalIdNumber = "$key-b"; DueDate = [datetime]::Today.AddMonths(4); TargetValue = 10 }
        )

        $goals = $rows | New-TotaraGoal

        $goals.Count | Should -Be 2
        $goals | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Goals.TotaraGoal]) }
        $goals.Username | Should -Be @($a.Username, $b.Username)
        $goals.TargetValue | Should -Be @(100, 10)
        $goals.Status | Should -Be @('not_started', 'not_started')
    }

    It 'refuses a bad row before sending and an id_number in use, and creates the rest' {
        $user = New-LearningTestUser -Prefix 'nge'
        $existing = New-LearningTestGoal -User $user
        $rows = @(
            [pscustomobject]@{ User = $user.Username; Name = 'Backwards'; StartDate = [datetime]::Today.AddMonths(2); TargetDate = [datetime]::Today }
            [pscustomobject]@{ User = $user.Username; Name = 'Clash'; IdNumber = $existing.IdNumber; TargetDate = [datetime]::Today.AddMonths(2) }
            [pscustomobject]@{ User = $user.Username; Name = 'Fine'; TargetDate = [datetime]::Today.AddMonths(2) }
        )

        $created = $rows | New-TotaraGoal -ErrorVariable failed -ErrorAction SilentlyContinue

        $created.Name | Should -Be 'Fine'
        $failed.Count | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraInvalidInput,*'
        $failed[0].Exception.Message | Should -Match 'field TargetDate'
        $failed[1].Exception.Message | Should -Match 'id_number already exists'
        $failed[1].TargetObject.Name | Should -Be 'Clash'
    }

    It 'sends nothing with -WhatIf' {
        $user = New-LearningTestUser -Prefix 'ngw'

        New-TotaraGoal -User $user -Name 'Not made' -TargetDate ([datetime]::Today.AddMonths(1)) -WhatIf

        Get-TotaraGoal -User $user | Should -BeNullOrEmpty
    }
}
