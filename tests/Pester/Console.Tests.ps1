#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# What a person sees at a pwsh 7 console, checked in the real host: the format views of every
# output type as Format-Table and Format-List render them, progress kept out of the output,
# -WhatIf's "What if:" lines, Get-Help's examples, tab completion, and errors that name the record.

BeforeDiscovery {
    [xml] $formats = Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../module/Totara.PowerShell.format.ps1xml') -Raw
    $script:Views = foreach ($view in $formats.Configuration.ViewDefinitions.View) {
        $type = $view.ViewSelectedBy.TypeName
        if ($view.TableControl) {
            $headers = @($view.TableControl.TableHeaders.TableColumnHeader)
            $items = @($view.TableControl.TableRowEntries.TableRowEntry.TableColumnItems.TableColumnItem)
            $labels = for ($i = 0; $i -lt $items.Count; $i++) {
                if ($headers[$i].Label) { $headers[$i].Label } else { $items[$i].PropertyName }
            }
            @{ Type = $type; Kind = 'Table'; Labels = @($labels) }
        }
        if ($view.ListControl) {
            $entries = @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem)
            # Items with a selection condition show only when their value is there (an asked-for property).
            $always = @($entries | Where-Object { -not $_.ItemSelectionCondition })
            @{ Type = $type; Kind = 'List'; Labels = @($always | ForEach-Object { if ($_.Label) { $_.Label } else { $_.PropertyName } }) }
        }
    }
    $script:Commands = @(
        (Get-Content -LiteralPath (Join-Path $PSScriptRoot '../../module/Totara.PowerShell.psd1') -Raw |
            Select-String -Pattern "'((?:Connect|Disconnect|Get|New|Set|Disable|Enable|Remove|Add|Test|Invoke)-Totara\w*)'" -AllMatches).Matches |
            ForEach-Object { @{ Name = $_.Groups[1].Value } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator

    $name = 'con' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:User = New-TotaraUser -Username $name -FirstName 'Connie' -LastName 'Sole' -Email "$name@example.com" -IdNumber "C-$name" -GeneratePassword
    $script:Goal = New-TotaraGoal -User $script:User -Name 'Console goal' -IdNumber "G-$name" -TargetDate ([datetime]::Today.AddMonths(2))
    $hr = Join-Path $script:RepoRoot 'samples/hr.csv'

    # One object of each output type the format file has a view for, made the way a user makes it.
    $script:Samples = @{
        'Totara.PowerShell.Session.TotaraSession'               = { Get-TotaraSession }
        'Totara.PowerShell.Connection.TotaraStatus'                = { Get-TotaraStatus }
        'Totara.PowerShell.Users.TotaraUser'                  = { $script:User | Get-TotaraUser }
        'Totara.PowerShell.Cohorts.TotaraCohort'                = { Get-TotaraCohort | Select-Object -First 1 }
        'Totara.PowerShell.Cohorts.TotaraCohortMembership'      = { $script:User | Add-TotaraCohortMember -Cohort 'AUD-GRAD27' }
        'Totara.PowerShell.JobAssignments.TotaraJobAssignment'         = { Get-TotaraJobAssignment | Where-Object ManagerIdNumber | Select-Object -First 1 }
        'Totara.PowerShell.Courses.TotaraCourse'                = { Get-TotaraCourse | Select-Object -First 1 }
        'Totara.PowerShell.Courses.TotaraCourseEnrolmentResult' = { $script:User | Add-TotaraCourseEnrolment -Course INDUCT }
        'Totara.PowerShell.Courses.TotaraCourseCompletion'      = { $script:User | Get-TotaraCourseCompletion -Course INDUCT }
        'Totara.PowerShell.Goals.TotaraGoal'                  = { $script:Goal | Get-TotaraGoal }
        'Totara.PowerShell.Goals.TotaraGoalProgress'          = { Set-TotaraGoalProgress -Identity $script:Goal.Id -Status InProgress -CurrentValue 10 }
        'Totara.PowerShell.Sync.TotaraSyncChange'            = { Import-Csv -LiteralPath $hr | Invoke-TotaraSync -SourceIsComplete -WhatIf | Where-Object Action -eq 'Update' | Select-Object -First 1 }
        'Totara.PowerShell.Sync.TotaraSyncSummary'           = { Import-Csv -LiteralPath $hr | Invoke-TotaraSync -SourceIsComplete -WhatIf -Summary }
    }

    # Runs a script in a new pwsh process connected to the emulator and returns what it printed.
    function Invoke-ConnectedPwsh([string] $Script) {
        $path = Join-Path $TestDrive ([guid]::NewGuid().ToString('N') + '.ps1')
        Set-Content -LiteralPath $path -Value (@'
param($Manifest, $Url, $ClientId, $Secret)
Import-Module -Name $Manifest -ErrorAction Stop
Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force)
'@ + "`n" + $Script)
        $env:NO_COLOR = '1'
        try {
            (Invoke-FreshPwsh -ScriptPath $path -Arguments @((Get-BuiltModuleManifest), $Emulator.Url, $Emulator.ClientId, $Emulator.ClientSecret)) -join "`n"
        }
        finally {
            Remove-Item Env:NO_COLOR
        }
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Format views' {
    It 'every output type of every cmdlet has a view' {
        $types = Get-Command -Module Totara.PowerShell | ForEach-Object { $_.OutputType.Type } |
            Where-Object { $_ -and $_.Namespace -eq 'Totara.PowerShell' } | ForEach-Object FullName | Sort-Object -Unique
        $viewed = $Samples.Keys
        foreach ($type in $types) { $viewed | Should -Contain $type -Because "$type is output by a cmdlet" }
    }

    It '<Type> renders its <Kind> view''s columns' -ForEach $Views {
        $Samples.Keys | Should -Contain $Type -Because 'each viewed type needs a sample here'
        $object = & $Samples[$Type]
        $object | Should -Not -BeNullOrEmpty
        @($object)[0].GetType().FullName | Should -Be $Type

        if ($Kind -eq 'Table') {
            # A 120-column console: every column of the view is shown, in order, none cut off.
            $text = $object | Format-Table | Out-String -Width 120
            $header = ($text -split "`n" | Where-Object { $_.Trim() } | Select-Object -First 1)
            $header | Should -Match ('^\s*' + (($Labels | ForEach-Object { [regex]::Escape($_) }) -join '\s+') + '\s*$')
            ($text -split "`n")[2..3] -join "`n" | Should -Not -BeNullOrEmpty
        }
        else {
            $text = $object | Format-List | Out-String -Width 120
            foreach ($label in $Labels) { $text | Should -Match "(?m)^$([regex]::Escape($label))\s*:" }
        }
    }
}

Describe 'Streams and prompts' {
    It 'progress goes to the progress stream, never to the output' {
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript(@'
param($Manifest, $Url, $ClientId, $Secret)
$ProgressPreference = 'Continue'
Import-Module -Name $Manifest
Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret (ConvertTo-SecureString $Secret -AsPlainText -Force)
1..120 | ForEach-Object { [pscustomobject]@{ Username = "prog$_-$([guid]::NewGuid().ToString('N').Substring(0, 6))"; FirstName = 'P'; LastName = 'R'; Email = "p$_-$([guid]::NewGuid().ToString('N').Substring(0, 6))@example.com" } } |
    New-TotaraUser -GeneratePassword
'@).AddParameters(@{ Manifest = (Get-BuiltModuleManifest); Url = $Emulator.Url; ClientId = $Emulator.ClientId; Secret = $Emulator.ClientSecret })
            $output = $shell.Invoke()

            $shell.Streams.Error | Should -BeNullOrEmpty
            $output | Should -HaveCount 120
            $output | ForEach-Object { $_ | Should -BeOfType ([Totara.PowerShell.Users.TotaraUser]) }
            $shell.Streams.Progress.Count | Should -BeGreaterThan 0
            $shell.Streams.Progress[-1].RecordType | Should -Be 'Completed'
        }
        finally {
            $shell.Dispose()
        }
    }

    It '-WhatIf prints "What if:" lines and changes nothing' {
        $name = 'wi' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $text = Invoke-ConnectedPwsh @"
New-TotaraUser -Username '$name' -FirstName 'What' -LastName 'If' -Email '$name@example.com' -GeneratePassword -WhatIf
'$($User.Username)' | Disable-TotaraUser -WhatIf
"@
        $text | Should -Match "What if: .*$name"
        $text | Should -Match "What if: .*$($User.Username)"
        Get-TotaraUser -Identity $name -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        ($User | Get-TotaraUser).Suspended | Should -BeFalse
    }

    It 'an error names the record and the field, as the console shows it' {
        $text = Invoke-ConnectedPwsh @'
[pscustomobject]@{ Username = 'bad-email-person'; FirstName = 'B'; LastName = 'E'; Email = 'not-an-email' } | New-TotaraUser -GeneratePassword
'@
        $text | Should -Match 'New-TotaraUser:'
        $text | Should -Match 'bad-email-person'
        $text | Should -Match '(?i)email'
        $text | Should -Not -Match 'Exception'
    }
}

Describe 'Help and completion' {
    It 'Get-Help <Name> -Examples shows the examples' -ForEach $Commands {
        $help = Get-Help -Name $Name -Examples
        $text = $help | Out-String -Width 200
        @($help.examples.example).Count | Should -BeGreaterThan 0
        $text | Should -Match '-+ (EXAMPLE|Example) 1'
        $text | Should -Match ([regex]::Escape($Name))
    }

    It 'tab completion offers <Parameter> values for <Command>' -ForEach @(
        @{ Command = 'Get-TotaraUser'; Parameter = '-Sort'; Typed = 'La'; Expected = 'LastName' }
        @{ Command = 'Get-TotaraUser'; Parameter = '-Status'; Typed = 'Sus'; Expected = 'Suspended' }
        @{ Command = 'Get-TotaraUser'; Parameter = '-Property'; Typed = 'Depa'; Expected = 'Department' }
        @{ Command = 'Invoke-TotaraSync'; Parameter = '-MatchOn'; Typed = 'Us'; Expected = 'Username' }
        @{ Command = 'Invoke-TotaraSync'; Parameter = '-CohortMode'; Typed = 'Ex'; Expected = 'Exact' }
        @{ Command = 'Set-TotaraGoalProgress'; Parameter = '-Status'; Typed = 'Comp'; Expected = 'Completed' }
    ) {
        $line = "$Command $Parameter $Typed"
        $completions = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        $completions | Should -Contain $Expected
    }

    It 'tab completion offers the module''s parameters' {
        $line = 'Invoke-TotaraSync -SourceIs'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Contain '-SourceIsComplete'
    }
}
