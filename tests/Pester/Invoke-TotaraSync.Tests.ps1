#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    $script:ModuleManifest = Get-BuiltModuleManifest
    Import-Module $script:ModuleManifest -Force
    Connect-TestEmulator -Emulator $script:Emulator | Out-Null

    # Each test writes its own HR file with idnumbers no demo user has.
    function New-HrFile {
        param([Parameter(Mandatory)] [object[]] $Rows)
        $path = Join-Path ([System.IO.Path]::GetTempPath()) ("hr-" + [guid]::NewGuid().ToString('N') + '.csv')
        $Rows | Export-Csv -LiteralPath $path -NoTypeInformation
        $path
    }
    function New-HrRow {
        param([string] $IdNumber, [string] $Department = 'Sales', [string] $Audiences = '')
        $name = $IdNumber.ToLowerInvariant()
        [pscustomobject]@{
            idnumber = $IdNumber; username = $name; email = "$name@example.com"; firstname = 'Pat'; lastname = $IdNumber
            department = $Department; audiences = $Audiences
        }
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Invoke-TotaraSync' {
    It 'plans with -WhatIf, applies, and a second run plans nothing' {
        $prefix = 'P' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $file = New-HrFile -Rows @((New-HrRow "$prefix-1"), (New-HrRow "$prefix-2"))

        $plan = Import-Csv $file | Invoke-TotaraSync -WhatIf
        $plan | Should -HaveCount 2
        $plan | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.TotaraSyncChange]) }
        $plan.Outcome | Should -Be @('Planned', 'Planned')
        Get-TotaraUser -Identity ("$prefix-1".ToLowerInvariant()) -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $applied = Import-Csv $file | Invoke-TotaraSync
        $applied.Action | Should -Be @('Create', 'Create')
        $applied.Outcome | Should -Be @('Applied', 'Applied')

        $summary = Import-Csv $file | Invoke-TotaraSync -Summary
        $summary | Should -BeOfType ([Totara.PowerShell.TotaraSyncSummary])
        $summary.Planned | Should -Be 0
        Remove-Item -LiteralPath $file
    }

    It 'updates only the fields that changed, and the change objects export to CSV' {
        $prefix = 'P' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-HrRow "$prefix-1" | Invoke-TotaraSync | Out-Null

        $change = New-HrRow "$prefix-1" -Department 'Marketing' | Invoke-TotaraSync
        $change.Action | Should -Be 'Update'
        $change.Changes | Should -Be "department: 'Sales' -> 'Marketing'"

        $csv = $change | ConvertTo-Csv -NoTypeInformation
        $csv[0] | Should -Match '"Action","RecordType","Key"'
        $csv[1] | Should -Match 'Marketing'
    }

    It 'writes one error per bad row, with the row as TargetObject, and applies the others' {
        $prefix = 'P' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $bad = New-HrRow "$prefix-2"
        $bad.email = 'not-an-email'

        $changes = @((New-HrRow "$prefix-1"), $bad) | Invoke-TotaraSync -ErrorVariable problems -ErrorAction SilentlyContinue

        $changes.Key | Should -Be "$prefix-1"
        $problems | Should -HaveCount 1
        $problems[0].FullyQualifiedErrorId | Should -BeLike 'TotaraSyncInvalidRow,*'
        $problems[0].Exception.Message | Should -BeLike "Row 2 (idnumber '$prefix-2'), field email:*"
        $problems[0].TargetObject | Should -Be $bad
    }

    It 'refuses to suspend most of the site from a short "complete" source, changing nothing' {
        $prefix = 'P' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        $failure = Get-ThrownError { New-HrRow "$prefix-1" | Invoke-TotaraSync -SourceIsComplete }

        $failure.FullyQualifiedErrorId | Should -BeLike 'TotaraSyncRemovalLimitExceeded,*'
        $failure.Exception.Message | Should -Match 'Nothing was changed'
        Get-TotaraUser -Identity ("$prefix-1".ToLowerInvariant()) -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'warns, matching on username, that the session names no service account, and not once it does' {
        $row = New-HrRow ('P' + [guid]::NewGuid().ToString('N').Substring(0, 6))
        # -WhatIf: only the plan is made (the guard stops a real run of a one-row "complete" source).
        $null = $row | Invoke-TotaraSync -SourceIsComplete -MatchOn Username -MaxRemovals 100% -WhatIf -WarningVariable unnamed 3>$null
        ($unnamed -join "`n") | Should -Match '-ServiceAccount'

        Connect-TestEmulator -Emulator $Emulator -Extra @{ ServiceAccount = 'api_service' } | Out-Null
        try {
            $null = $row | Invoke-TotaraSync -SourceIsComplete -MatchOn Username -MaxRemovals 100% -WhatIf -WarningVariable named 3>$null
            ($named -join "`n") | Should -Not -Match '-ServiceAccount'
        }
        finally {
            Connect-TestEmulator -Emulator $Emulator | Out-Null
        }
    }

    It 'settles a value the site stores without its markup, and says so once' {
        $row = New-HrRow ('P' + [guid]::NewGuid().ToString('N').Substring(0, 6))
        $row.firstname = '<script>alert(1)</script>'
        $null = $row | Invoke-TotaraSync -WarningAction SilentlyContinue

        $again = @($row | Invoke-TotaraSync -WhatIf -WarningVariable said 3>$null)

        $again | Should -BeNullOrEmpty
        @($said | Where-Object { "$_" -match 'firstname' }) | Should -HaveCount 1
        "$($said[0])" | Should -Match "as 'alert\(1\)'"
    }

    It 'puts the summary on the information stream' {
        $prefix = 'P' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        New-HrRow "$prefix-1" | Invoke-TotaraSync -InformationVariable info | Out-Null

        $summary = ($info | Where-Object Tags -Contains 'TotaraSyncSummary').MessageData
        $summary.Created | Should -Be 1
        $summary.Failed | Should -Be 0
    }
}
