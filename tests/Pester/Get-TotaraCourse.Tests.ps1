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

Describe 'Get-TotaraCourse' {
    It 'lists every course as TotaraCourse objects' {
        $courses = Get-TotaraCourse

        $courses.Count | Should -BeGreaterThan 20
        $courses | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Courses.TotaraCourse]) }
        $courses.ShortName | Should -Contain 'INDUCT'
    }

    It 'filters by tag and sorts by name' {
        $mandatory = Get-TotaraCourse -Tag mandatory -SortByName

        $mandatory.ShortName | Should -Contain 'GDPR'
        $mandatory.ShortName | Should -Not -Contain 'VALUES'
        $mandatory.FullName | Should -Be ($mandatory.FullName | Sort-Object)
    }

    It 'finds courses by id, idnumber, shortname and full name' {
        $induction = Get-TotaraCourse -Identity 'Induction'

        $induction.ShortName | Should -Be 'INDUCT'
        (Get-TotaraCourse -Identity $induction.Id).Id | Should -Be $induction.Id
        (Get-TotaraCourse -Identity $induction.IdNumber).Id | Should -Be $induction.Id
        ('induct' | Get-TotaraCourse).Id | Should -Be $induction.Id
    }

    It 'writes TotaraCourseNotFound for an unknown course and goes on' {
        $found = Get-TotaraCourse -Identity 'no such course', 'GDPR' -ErrorVariable failed -ErrorAction SilentlyContinue

        $found.ShortName | Should -Be 'GDPR'
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'TotaraCourseNotFound,*'
        $failed[0].TargetObject | Should -Be 'no such course'
    }
}
