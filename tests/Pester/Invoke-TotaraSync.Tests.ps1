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
        $plan | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Sync.TotaraSyncChange]) }
        $plan.Outcome | Should -Be @('Planned', 'Planned')
        Get-TotaraUser -Identity ("$prefix-1".ToLowerInvariant()) -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

        $applied = Import-Csv $file | Invoke-TotaraSync
        $applied.Action | Should -Be @('Create', 'Create')
        $applied.Outcome | Should -Be @('Applied', 'Applied')

        $summary = Import-Csv $file | Invoke-TotaraSync -Summary
        $summary | Should -BeOfType ([Totara.PowerShell.Sync.TotaraSyncSummary])
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

    Context 'delta and full runs (-StatePath, -Full, -FullAfter)' {
        BeforeEach {
            $prefix = 'D' + [guid]::NewGuid().ToString('N').Substring(0, 6)
            $state = Join-Path ([System.IO.Path]::GetTempPath()) ("sync-state-" + [guid]::NewGuid().ToString('N') + '.json')
            $rows = @((New-HrRow "$prefix-1"), (New-HrRow "$prefix-2"))
        }
        AfterEach {
            Remove-Item -LiteralPath $state, "$state.lock" -ErrorAction SilentlyContinue
        }

        It 'runs full first, then delta runs that read only what changed, and says which and what each cost' {
            $first = $rows | Invoke-TotaraSync -StatePath $state -Summary
            $first.RunKind | Should -Be 'Full'
            $first.RunReason | Should -Be 'the state file does not exist yet.'
            $first.Created | Should -Be 2
            $first.Requests | Should -BeGreaterThan 0
            $first.ComplexityPoints | Should -BeGreaterThan 0

            $second = $rows | Invoke-TotaraSync -StatePath $state -Summary
            $second.RunKind | Should -Be 'Delta'
            $second.RunReason | Should -Match 'reading users modified since'
            $second.Planned | Should -Be 0
            $second.Unchanged | Should -Be 2
            $second.ComplexityPoints | Should -BeLessThan $first.ComplexityPoints

            $changed = @((New-HrRow "$prefix-1" -Department 'Marketing'), $rows[1]) | Invoke-TotaraSync -StatePath $state
            $changed.Action | Should -Be 'Update'
            $changed.Key | Should -Be "$prefix-1"
            $changed.Changes | Should -Be "department: 'Sales' -> 'Marketing'"
        }

        It 'sees a change made on the site to a field the source owns, and puts it back' {
            $rows | Invoke-TotaraSync -StatePath $state | Out-Null
            Set-TotaraUser -Identity "$prefix-2".ToLowerInvariant() -Department 'Changed by hand' | Out-Null

            $repair = $rows | Invoke-TotaraSync -StatePath $state -InformationVariable info
            # A delta run must see it (the user's timemodified moved), not only a full one.
            ($info | Where-Object { $_.Tags -contains 'TotaraSyncSummary' }).MessageData.RunKind | Should -Be 'Delta'
            $repair.Action | Should -Be 'Update'
            $repair.Changes | Should -Be "department: 'Changed by hand' -> 'Sales'"
            (Get-TotaraUser -Identity "$prefix-2".ToLowerInvariant() -Property Department).Department | Should -Be 'Sales'
        }

        It 'is full with -Full or when the last full run is older than -FullAfter, and -WhatIf leaves the state file as it was' {
            $rows | Invoke-TotaraSync -StatePath $state | Out-Null

            $forced = $rows | Invoke-TotaraSync -StatePath $state -Full -Summary
            $forced.RunKind | Should -Be 'Full'
            $forced.RunReason | Should -Be '-Full was given.'

            $aged = $rows | Invoke-TotaraSync -StatePath $state -FullAfter 0 -Summary
            $aged.RunKind | Should -Be 'Full'
            $aged.RunReason | Should -Match 'more than -FullAfter'

            $before = Get-Content -LiteralPath $state -Raw
            $plan = @((New-HrRow "$prefix-1" -Department 'Legal'), $rows[1]) | Invoke-TotaraSync -StatePath $state -WhatIf -InformationVariable info
            $plan.Outcome | Should -Be 'Planned'
            ($info | Where-Object Tags -Contains 'TotaraSyncSummary').MessageData.RunKind | Should -Be 'Delta'
            Get-Content -LiteralPath $state -Raw | Should -Be $before
        }

        It 'counts each run in the session''s running totals' {
            $session = Get-TotaraSession
            $requests = $session.Requests
            $points = $session.ComplexityPoints

            $summary = $rows | Invoke-TotaraSync -StatePath $state -Summary

            $after = Get-TotaraSession
            ($after.Requests - $requests) | Should -Be $summary.Requests
            ($after.ComplexityPoints - $points) | Should -Be $summary.ComplexityPoints
        }
    }
}
