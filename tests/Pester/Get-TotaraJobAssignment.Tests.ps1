#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator

    $name = 'pg' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    $script:Person = New-TotaraUser -Username $name -FirstName 'Pester' -LastName 'Person' -Email "$name@example.com" -IdNumber "ID-$name" -GeneratePassword
    New-TotaraJobAssignment -UserIdNumber $script:Person.IdNumber -IdNumber 'FIRST' -FullName 'First' | Out-Null
    New-TotaraJobAssignment -UserIdNumber $script:Person.IdNumber -IdNumber 'SECOND' -FullName 'Second' | Out-Null
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Get-TotaraJobAssignment' {
    It "gets a user's assignments in the user's order, by idnumber or by username" {
        $byIdNumber = Get-TotaraJobAssignment -UserIdNumber $Person.IdNumber
        $byName = Get-TotaraJobAssignment -User $Person.Username -IdNumber 'SECOND'

        $byIdNumber.IdNumber | Should -Be @('FIRST', 'SECOND')
        $byIdNumber[0] | Should -BeOfType ([Totara.PowerShell.JobAssignments.TotaraJobAssignment])
        $byName.FullName | Should -Be 'Second'
        $byName.Username | Should -Be $Person.Username
    }

    It 'reads piped users and HR rows' {
        $fromUser = $Person | Get-TotaraJobAssignment
        $fromRow = [pscustomobject]@{ useridnumber = $Person.IdNumber; idnumber = 'FIRST' } | Get-TotaraJobAssignment

        $fromUser.Count | Should -Be 2
        $fromRow.FullName | Should -Be 'First'
    }

    It 'lists every assignment on the site, demo data included' {
        $all = Get-TotaraJobAssignment

        $all.Count | Should -BeGreaterThan 2
        $all.IdNumber | Should -Contain 'SECOND'
        ($all.Id | Sort-Object) | Should -Be $all.Id
    }

    It 'writes a non-terminating error for a user that does not exist and goes on' {
        $found = Get-TotaraJobAssignment -UserIdNumber 'no-such-user', $Person.IdNumber -ErrorVariable failed -ErrorAction SilentlyContinue

        $found.Count | Should -Be 2
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
    }
}
