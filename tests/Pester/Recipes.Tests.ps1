#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Runs every script of docs/recipes.md exactly as written there, in real pwsh with the real
# Import-Csv and Export-Csv, against the emulator's demo site, and checks what it did.
# Only Active Directory's Get-ADGroupMember is a stand-in: a function defined below, in plain sight.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator

    # The ```powershell block of each "## N. ..." section of docs/recipes.md, by N.
    $text = (Get-Content -LiteralPath (Join-Path $script:RepoRoot 'docs/recipes.md') -Raw) -replace "`r`n", "`n"
    $script:Recipes = @{}
    foreach ($section in [regex]::Matches($text, '(?ms)^## (\d+)\. [^\n]*\n(.*?)(?=^## |\z)')) {
        $blocks = [regex]::Matches($section.Groups[2].Value, '(?s)```powershell\n(.*?)```')
        $script:Recipes[[int]$section.Groups[1].Value] = @($blocks | ForEach-Object { $_.Groups[1].Value })
    }

    function Invoke-Recipe {
        <# Runs recipe N in a fresh folder (its CSV files are there) and returns @{ Output; Errors }. #>
        param([int] $Number, [string] $Folder)
        $recipe = [scriptblock]::Create($script:Recipes[$Number][0])
        Push-Location -LiteralPath $Folder
        try {
            $all = @(. $recipe 2>&1)
        }
        finally {
            Pop-Location
        }
        @{
            Output = @($all | Where-Object { $_ -isnot [System.Management.Automation.ErrorRecord] })
            Errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
        }
    }

    function New-RecipeUser {
        param([string] $Prefix, [string] $Department = '')
        $name = $Prefix + [guid]::NewGuid().ToString('N').Substring(0, 10)
        New-TotaraUser -Username $name -FirstName 'Recipe' -LastName 'User' -Email "$name@example.com" -IdNumber "R-$name" `
            -Department $Department -GeneratePassword -ErrorAction Stop
    }

    function New-RecipeFolder {
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('N'))
        New-Item -ItemType Directory -Path $folder | Out-Null
        $folder
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'docs/recipes.md' {
    It 'has five recipes, one script each, none using Write-Host' {
        @($Recipes.Keys | Sort-Object) | Should -Be @(1, 2, 3, 4, 5)
        foreach ($number in $Recipes.Keys) {
            $Recipes[$number] | Should -HaveCount 1 -Because "recipe $number is tested as one script"
            $Recipes[$number][0] | Should -Not -Match 'Write-Host'
        }
    }

    It '1. enrols new starters in their department''s courses, errors for an unknown user' {
        $sales, $tech, $legal = (New-RecipeUser 'rs' 'Sales'), (New-RecipeUser 'rt' 'Technology'), (New-RecipeUser 'rl' 'Legal')
        $folder = New-RecipeFolder
        @(
            [pscustomobject]@{ Username = $sales.Username; Department = 'Sales' }
            [pscustomobject]@{ Username = $tech.Username; Department = 'Technology' }
            [pscustomobject]@{ Username = $legal.Username; Department = 'Legal' }
            [pscustomobject]@{ Username = 'not-a-user'; Department = 'Sales' }
        ) | Export-Csv -LiteralPath (Join-Path $folder 'new-starters.csv') -NoTypeInformation

        $run = Invoke-Recipe 1 $folder

        # The unknown user is one error per course of the department; the others went on.
        $run.Errors | Should -HaveCount 2
        $run.Errors | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*' }
        $run.Output | Should -HaveCount 4
        ($sales | Test-TotaraCourseEnrolment -Course INDUCT), ($sales | Test-TotaraCourseEnrolment -Course CSX) | Should -Be @($true, $true)
        ($tech | Test-TotaraCourseEnrolment -Course INDUCT), ($tech | Test-TotaraCourseEnrolment -Course INFOSEC) | Should -Be @($true, $true)
        $legal | Test-TotaraCourseEnrolment -Course INDUCT | Should -BeFalse
    }

    It '2. writes a CSV with one completion row per user and mandatory course' {
        $folder = New-RecipeFolder

        $run = Invoke-Recipe 2 $folder

        $run.Errors | Should -BeNullOrEmpty
        $rows = @(Import-Csv -LiteralPath (Join-Path $folder 'mandatory-training.csv'))
        $users = @(Get-TotaraUser).Count
        $mandatory = @(Get-TotaraCourse -Tag mandatory)
        $rows.Count | Should -Be ($users * $mandatory.Count)
        @($rows | ForEach-Object { "$($_.UserId)/$($_.CourseId)" } | Sort-Object -Unique).Count | Should -Be $rows.Count
        @($rows.CourseId | Sort-Object -Unique) | Should -Be @($mandatory.Id | ForEach-Object { "$_" } | Sort-Object)
        $rows.Status | Should -Contain 'Complete'
        $rows.Status | Should -Contain 'NoRecord'
        $rows[0].PSObject.Properties.Name | Should -Contain 'TimeCompleted'
    }

    It '3. adds the AD group''s members to the audience, once' {
        $new, $already = (New-RecipeUser 'ra'), (New-RecipeUser 'rb')
        $already | Add-TotaraCohortMember -Cohort 'AD-NURSING' | Out-Null
        # Stand-in for the ActiveDirectory module, which only Windows domain machines have.
        function Get-ADGroupMember {
            param([Parameter(Mandatory)] $Identity, [switch] $Recursive)
            if ($Identity -ne 'Nursing staff' -or -not $Recursive) { throw "unexpected call: $Identity" }
            [pscustomobject]@{ SamAccountName = $new.Username.ToUpperInvariant(); objectClass = 'user' }
            [pscustomobject]@{ SamAccountName = $already.Username; objectClass = 'user' }
        }

        $run = Invoke-Recipe 3 (New-RecipeFolder)

        $run.Errors | Should -BeNullOrEmpty
        $run.Output | Should -Be @("Added $($new.Username) to AD - Nursing staff (AD-NURSING)")
        ($new, $already | Test-TotaraCohortMember -Cohort 'AD-NURSING') | Should -Be @($true, $true)
    }

    It '4. unenrols a leaver everywhere and suspends them; others keep their enrolments' {
        $leaver, $stayer = (New-RecipeUser 'rv'), (New-RecipeUser 'rw')
        foreach ($course in 'INDUCT', 'GDPR', 'FIRE') { $leaver, $stayer | Add-TotaraCourseEnrolment -Course $course | Out-Null }
        $folder = New-RecipeFolder
        [pscustomobject]@{ Username = $leaver.Username; LeavingDate = '2026-11-30' } |
            Export-Csv -LiteralPath (Join-Path $folder 'leavers.csv') -NoTypeInformation

        $run = Invoke-Recipe 4 $folder

        $run.Errors | Should -BeNullOrEmpty
        @($run.Output | Where-Object { "$($_.Result)" -eq 'Unenrolled' }) | Should -HaveCount 3
        foreach ($course in 'INDUCT', 'GDPR', 'FIRE') {
            $leaver | Test-TotaraCourseEnrolment -Course $course | Should -BeFalse
            $stayer | Test-TotaraCourseEnrolment -Course $course | Should -BeTrue
        }
        (Get-TotaraUser -Identity $leaver.Username).Suspended | Should -BeTrue
        (Get-TotaraUser -Identity $stayer.Username).Suspended | Should -BeFalse
    }

    It '5. creates the quarter''s goal for Sales once, even when run twice' {
        $a, $b, $finance = (New-RecipeUser 'rx' 'Sales'), (New-RecipeUser 'ry' 'Sales'), (New-RecipeUser 'rz' 'Finance')
        $today = [datetime]::Today
        $start = [datetime]::new($today.Year, 3 * [math]::Floor(($today.Month - 1) / 3) + 1, 1)
        $quarter = '{0}-Q{1}' -f $start.Year, (($start.Month + 2) / 3)

        $first = Invoke-Recipe 5 (New-RecipeFolder)
        $second = Invoke-Recipe 5 (New-RecipeFolder)

        $first.Errors | Should -BeNullOrEmpty
        foreach ($user in $a, $b) {
            $goals = @($user | Get-TotaraGoal)
            $goals | Should -HaveCount 1
            $goals[0].IdNumber | Should -Be "$quarter-SALES-$($user.Username)"
            $goals[0].Name | Should -Be "$quarter sales target"
            $goals[0].TargetDate.Date | Should -Be $start.AddMonths(3).AddDays(-1)
        }
        @($finance | Get-TotaraGoal) | Should -HaveCount 0
        $first.Output.Username | Should -Contain $a.Username
        # The second run refuses every goal as existing and creates nothing.
        $second.Output | Should -BeNullOrEmpty
        $second.Errors | Should -Not -BeNullOrEmpty
        $second.Errors | ForEach-Object { $_.Exception.Message | Should -BeLike '*id_number already exists*' }
    }
}
