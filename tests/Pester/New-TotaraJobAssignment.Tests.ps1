#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator

    # A row as Import-Csv gives it for HR Import's job-assignment columns (empty cells are '').
    function New-HrRow {
        param($IdNumber, $UserIdNumber, $ManagerIdNumber = '', $ManagerJob = '', $PosIdNumber = '', $StartDate = '')
        [pscustomobject]@{
            idnumber = $IdNumber; useridnumber = $UserIdNumber; fullname = "Job $IdNumber"; posidnumber = $PosIdNumber; orgidnumber = ''
            manageridnumber = $ManagerIdNumber; managerjobassignmentidnumber = $ManagerJob; appraiseridnumber = ''
            tempmanageridnumber = ''; tempmanagerexpirydate = ''; startdate = $StartDate; enddate = ''
        }
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'New-TotaraJobAssignment' {
    It 'creates assignments from HR Import rows, a manager given later in the input first' {
        $staff, $boss = (New-TestPerson), (New-TestPerson)

        $jobs = @(
            (New-HrRow 'STAFF' $staff.IdNumber $boss.IdNumber 'BOSS' 'POS-CEO' '2024-03-01'),
            (New-HrRow 'BOSS' $boss.IdNumber)
        ) | New-TotaraJobAssignment

        $jobs.Count | Should -Be 2
        $jobs[0] | Should -BeOfType ([Totara.PowerShell.JobAssignments.TotaraJobAssignment])
        $jobs[0].IdNumber | Should -Be 'STAFF'
        $jobs[0].ManagerIdNumber | Should -Be $boss.IdNumber
        $jobs[0].ManagerJobAssignmentIdNumber | Should -Be 'BOSS'
        $jobs[0].PositionIdNumber | Should -Be 'POS-CEO'
        $jobs[0].StartDate | Should -Be ([datetime]::new(2024, 3, 1, 0, 0, 0, [System.DateTimeKind]::Utc))
    }

    It 'refuses a management cycle before sending, naming its records' {
        $a, $b = (New-TestPerson), (New-TestPerson)

        $created = @((New-HrRow 'A' $a.IdNumber $b.IdNumber 'B'), (New-HrRow 'B' $b.IdNumber $a.IdNumber 'A')) |
            New-TotaraJobAssignment -ErrorVariable failed -ErrorAction SilentlyContinue

        $created | Should -BeNullOrEmpty
        $failed.Count | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraManagementCycle,*'
        $failed[0].Exception.Message | Should -BeLike "*record 1 (job 'A'*record 2 (job 'B'*"
        @(Get-TotaraJobAssignment -UserIdNumber $a.IdNumber) | Should -BeNullOrEmpty
    }

    It 'names the record and the field of a reference the site does not know, and creates the rest' {
        $a, $b = (New-TestPerson), (New-TestPerson)

        $created = @((New-HrRow 'BAD' $a.IdNumber '' '' 'NO-SUCH-POSITION'), (New-HrRow 'GOOD' $b.IdNumber)) |
            New-TotaraJobAssignment -ErrorVariable failed -ErrorAction SilentlyContinue

        $created.IdNumber | Should -Be 'GOOD'
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike "*Record 1 (job 'BAD'*field PositionIdNumber*"
        $failed[0].TargetObject.idnumber | Should -Be 'BAD'
    }

    It 'sends nothing with -WhatIf' {
        $a = New-TestPerson

        New-TotaraJobAssignment -UserIdNumber $a.IdNumber -IdNumber 'W' -WhatIf

        @(Get-TotaraJobAssignment -UserIdNumber $a.IdNumber) | Should -BeNullOrEmpty
    }
}
