#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The module's loading rule (src/Totara.PowerShell/Loading/README.md) in a real pwsh process:
# another module that loads older System.Text.Json, Microsoft.Bcl.AsyncInterfaces, System.Memory,
# Polly 7 and Polly.Core into the default context (tests/ConflictModule, as Az or Microsoft.Graph
# would in an Azure Automation job) is imported before and after this one. Both keep working.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    $script:ConflictModule = Join-Path $script:RepoRoot 'out/test-modules/ConflictModule/ConflictModule.psd1'
    if (-not (Test-Path -LiteralPath $script:ConflictModule)) { throw "Build tests/ConflictModule first ($script:ConflictModule is missing)." }

    # Runs in a fresh pwsh: imports both modules in the given order, then uses a cmdlet of every
    # area and the other module's cmdlet, and reports one JSON object.
    $script:Probe = Join-Path $TestDrive 'probe.ps1'
    Set-Content -LiteralPath $script:Probe -Value @'
param($Order, $TotaraManifest, $ConflictManifest, $Url, $ClientId, $Secret, $HrCsv)
$ErrorActionPreference = 'Stop'
$manifests = if ($Order -eq 'TotaraFirst') { $TotaraManifest, $ConflictManifest } else { $ConflictManifest, $TotaraManifest }
foreach ($manifest in $manifests) { Import-Module -Name $manifest }
$probeBefore = Get-ConflictProbe
Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force)
$prefix = 'load' + [guid]::NewGuid().ToString('N').Substring(0, 6)
$user = New-TotaraUser -Username "$prefix-u" -FirstName 'Lo' -LastName 'Ader' -Email "$prefix@example.com" -IdNumber "$prefix-1" -GeneratePassword
$cohort = Get-TotaraCohort | Select-Object -First 1
$course = Get-TotaraCourse | Select-Object -First 1
$result = [ordered]@{
    Users          = @(Get-TotaraUser).Count
    NewUser        = $user.Username
    Cohorts        = @(Get-TotaraCohort).Count
    CohortAdd      = ($user | Add-TotaraCohortMember -Cohort $cohort.IdNumber).Result.ToString()
    IsMember       = $user | Test-TotaraCohortMember -Cohort $cohort.IdNumber
    JobAssignments = @(Get-TotaraJobAssignment).Count
    NewJob         = ([pscustomobject]@{ idnumber = "$prefix-job"; useridnumber = $user.IdNumber; fullname = 'Loader' } | New-TotaraJobAssignment).IdNumber
    Courses        = @(Get-TotaraCourse).Count
    Enrolled       = ($user | Add-TotaraCourseEnrolment -Course $course.ShortName).Result.ToString()
    Completions    = @(Get-TotaraCourseCompletion -Course $course.ShortName -User $user).Count
    NewGoal        = (New-TotaraGoal -User $user -Name 'Load goal' -IdNumber "$prefix-goal" -TargetDate ([datetime]::Today.AddMonths(1))).Name
    Goals          = @($user | Get-TotaraGoal).Count
    SyncPlanned    = @(Import-Csv -LiteralPath $HrCsv | Invoke-TotaraSync -SourceIsComplete -WhatIf).Count
    GraphQL        = (Invoke-TotaraGraphQL -Query 'query { core_user_users { total } }').core_user_users.total
    ProbeBefore    = $probeBefore
    ProbeAfter     = Get-ConflictProbe
    PollyCore      = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Polly.Core' } | ForEach-Object {
            [System.Diagnostics.FileVersionInfo]::GetVersionInfo($_.Location).FileVersion + ' ' + [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).GetType().Name
        } | Sort-Object)
}
$result | ConvertTo-Json -Depth 3 -Compress
'@
}

AfterAll {
    Stop-TestEmulator -Emulator $script:Emulator
}

Describe 'Loading beside modules that bring other versions of our dependencies' {
    It 'works with a conflicting module imported <Order>' -ForEach @(@{ Order = 'TotaraFirst' }, @{ Order = 'ConflictFirst' }) {
        $output = Invoke-FreshPwsh -ScriptPath $Probe -Arguments @(
            $Order, (Get-BuiltModuleManifest), $ConflictModule, $Emulator.Url, $Emulator.ClientId, $Emulator.ClientSecret,
            (Join-Path $RepoRoot 'samples/hr.csv'))
        $report = $output[-1] | ConvertFrom-Json

        $report.Users | Should -BeGreaterThan 100
        $report.NewUser | Should -Match '^load'
        $report.Cohorts | Should -BeGreaterThan 0
        $report.CohortAdd | Should -Be 'Added'
        $report.IsMember | Should -BeTrue
        $report.JobAssignments | Should -BeGreaterThan 0
        $report.NewJob | Should -Match '-job$'
        $report.Courses | Should -BeGreaterThan 0
        $report.Enrolled | Should -Be 'Enrolled'
        $report.Completions | Should -Be 1
        $report.NewGoal | Should -Be 'Load goal'
        $report.Goals | Should -Be 1
        $report.SyncPlanned | Should -BeGreaterThan 0
        $report.GraphQL | Should -Be $report.Users

        foreach ($probe in $report.ProbeBefore, $report.ProbeAfter) {
            $probe.Json | Should -Be '{"attempts":2}'
            $probe.PipelineAttempts | Should -Be 2
            $probe.AsyncSum | Should -Be 10
            $probe.MemoryLength | Should -Be 3
            $probe.Polly | Should -BeLike '7.2.4*'
            $probe.PollyCore | Should -BeLike '8.1.0*'
        }
        # Two Polly.Core copies side by side: the other module's in the default context, ours private.
        $report.PollyCore | Should -HaveCount 2
        $report.PollyCore[0] | Should -BeLike '8.1.0* DefaultAssemblyLoadContext'
        $report.PollyCore[1] | Should -BeLike '8.5.2* ModuleLoadContext'
    }
}
