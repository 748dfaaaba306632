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

Describe 'Remove-TotaraJobAssignment' {
    BeforeEach {
        $script:Worker, $script:Boss = (New-TestPerson), (New-TestPerson)
        New-TotaraJobAssignment -UserIdNumber $Boss.IdNumber -IdNumber 'BOSS' | Out-Null
        New-TotaraJobAssignment -UserIdNumber $Worker.IdNumber -IdNumber 'J' -ManagerIdNumber $Boss.IdNumber | Out-Null
    }

    It 'is high impact' {
        (Get-Command Remove-TotaraJobAssignment).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact |
            Should -Be 'High'
    }

    It "deletes a piped assignment; the staff it managed lose that manager" {
        $result = Get-TotaraJobAssignment -UserIdNumber $Boss.IdNumber | Remove-TotaraJobAssignment -Confirm:$false

        $result | Should -BeNullOrEmpty
        @(Get-TotaraJobAssignment -UserIdNumber $Boss.IdNumber) | Should -BeNullOrEmpty
        (Get-TotaraJobAssignment -UserIdNumber $Worker.IdNumber).ManagerIdNumber | Should -BeNullOrEmpty
    }

    It 'deletes the assignments HR rows name, reporting one that does not exist and going on' {
        $rows = @(
            [pscustomobject]@{ useridnumber = $Worker.IdNumber; idnumber = 'NOPE' },
            [pscustomobject]@{ useridnumber = $Worker.IdNumber; idnumber = 'J' }
        )

        $rows | Remove-TotaraJobAssignment -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraJobAssignmentNotFound,*'
        $failed[0].TargetObject.idnumber | Should -Be 'NOPE'
        @(Get-TotaraJobAssignment -UserIdNumber $Worker.IdNumber) | Should -BeNullOrEmpty
    }

    It 'sends nothing with -WhatIf' {
        Remove-TotaraJobAssignment -UserIdNumber $Worker.IdNumber -IdNumber 'J' -WhatIf

        (Get-TotaraJobAssignment -UserIdNumber $Worker.IdNumber).IdNumber | Should -Be 'J'
    }
}
