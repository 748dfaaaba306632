#Requires -Version 5.1
<#
.SYNOPSIS
    A first tour of Totara.PowerShell: connect, read the site, then keep it in step with an HR export.

.DESCRIPTION
    Connects to a Totara site with an API client's id and secret, shows the session and the
    site's API status, reads users, and shows how a GraphQL error comes back as an error record.
    Then the module's main job: Invoke-TotaraSync makes the site's users, job assignments and
    audience memberships match an HR export (samples/hr.csv: three new starters, four changes,
    two leavers). It first shows the plan (-WhatIf, nothing sent), then applies it, then runs
    again to show that a sync straight after a successful one has nothing left to do.

    samples/hr.csv is written for the emulator's demo site: against another site, pass your own
    export with -SourcePath, and run the plan step alone first.

    `dotnet run --project tools/Totara.DemoRunner` runs this script against a local emulator
    with demo data. It runs unchanged in PowerShell 7 or Windows PowerShell 5.1 against any site
    whose API client may read users (core_user_users).

.PARAMETER Url
    The site's base address, e.g. https://learn.example.com (or http://127.0.0.1:5099 for the emulator).

.PARAMETER ClientId
    The API client's id (Site administration > Development > API > Clients).

.PARAMETER ClientSecret
    The API client's secret, as a SecureString.

.PARAMETER SourcePath
    The HR export to synchronise (default: hr.csv beside this script).

.EXAMPLE
    ./samples/demo.ps1 -Url http://127.0.0.1:5099 -ClientId demo -ClientSecret (Read-Host -AsSecureString 'Client secret')
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)]
    [string] $Url,

    [Parameter(Mandatory = $true)]
    [string] $ClientId,

    [Parameter(Mandatory = $true)]
    [securestring] $ClientSecret,

    [string] $SourcePath = [System.IO.Path]::Combine($PSScriptRoot, 'hr.csv')
)

$ErrorActionPreference = 'Stop'

if (-not (Get-Module -Name Totara.PowerShell)) {
    # Prefer the module built in this repository (dotnet build), else an installed one.
    $built = Get-ChildItem -Path (Join-Path $PSScriptRoot '../out/Totara.PowerShell/*/Totara.PowerShell.psd1') -ErrorAction SilentlyContinue |
        Sort-Object { [version]$_.Directory.Name } -Descending |
        Select-Object -First 1
    if ($built) { Import-Module -Name $built.FullName } else { Import-Module -Name Totara.PowerShell }
}

function Write-Step([string] $Title) {
    Write-Host ''
    Write-Host "== $Title ==" -ForegroundColor Cyan
}

Write-Step "1. Connect-Totara: get a token and learn what $Url offers this client"
$session = Connect-Totara -Url $Url -ClientId $ClientId -ClientSecret $ClientSecret -PassThru
$session | Out-Host
Write-Host "The session is now this runspace's default: later commands need no -Session."

Write-Step '2. Get-TotaraSession: the default session (no secret or token is ever shown)'
$current = Get-TotaraSession
Write-Host "Site:        $($current.Url)"
Write-Host "Client:      $($current.ClientId) ($($current.AuthenticationMethod))"
Write-Host "Offers:      $($current.Queries.Count) queries and $($current.Mutations.Count) mutations (core_user_users: $($current.Offers('core_user_users')))"
Write-Host "Limits:      $($current.MaxComplexity) complexity per request, $($current.ComplexityBudget) per minute"
Write-Host "As text:     $current"

Write-Step '3. Get-TotaraStatus: is the API answering, and how fast?'
Get-TotaraStatus | Out-Host

Write-Step '4. Invoke-TotaraGraphQL: the first five users, data passed as variables'
$firstUsers = @'
query first_users($query: core_user_users_query) {
  core_user_users(query: $query) {
    items { id username firstname lastname }
    total
  }
}
'@
$page = (Invoke-TotaraGraphQL -Query $firstUsers -Variables @{
        query = @{ pagination = @{ limit = 5 } }
    }).core_user_users
$page.items | Out-Host
Write-Host "The site has $($page.total) active users."

Write-Step '5. Invoke-TotaraGraphQL -All: every user, page by page (paced under the site''s limits)'
$everyUser = @'
query every_user($cursor: String) {
  core_user_users(query: { pagination: { cursor: $cursor, limit: 100 } }) {
    items { id username email }
    total
    next_cursor
  }
}
'@
$users = @(Invoke-TotaraGraphQL -Query $everyUser -All -ListField core_user_users)
$withoutEmail = @($users | Where-Object { -not $_.email })
Write-Host "Read $($users.Count) users; $($withoutEmail.Count) of them have no email address."

Write-Step '6. A misspelt field: Totara drops it silently, so the module warns before sending'
# Totara runs no GraphQL validation: no_such_field would simply be missing from the answer.
$null = Invoke-TotaraGraphQL -Query 'query { core_user_users { items { id no_such_field } } }' -WarningAction SilentlyContinue -WarningVariable warnings
foreach ($warning in $warnings) {
    Write-Host "  WARNING: $warning" -ForegroundColor Yellow
}

Write-Step "7. Invoke-TotaraSync -WhatIf: what would make the site match $([System.IO.Path]::GetFileName($SourcePath))?"
$rows = @(Import-Csv -Path $SourcePath)
Write-Host "$($rows.Count) rows: users, their job assignment (HR Import's column names) and audiences."
# The export lists every employee: site users missing from it are leavers (suspended, never deleted here).
$sync = @{ SourceIsComplete = $true; MissingUserAction = 'Suspend'; MaxRemovals = '5%' }
$plan = @($rows | Invoke-TotaraSync @sync -WhatIf)
$plan | Out-Host
Write-Host "$($plan.Count) change(s) planned; nothing was sent."

Write-Step '8. Invoke-TotaraSync: apply the plan in batches and report each change'
$applied = @($rows | Invoke-TotaraSync @sync -Confirm:$false -InformationVariable syncInfo)
$applied | Out-Host
$summary = ($syncInfo | Where-Object { $_.Tags -contains 'TotaraSyncSummary' }).MessageData
Write-Host "Summary for the runbook log: $summary"

Write-Step '9. Invoke-TotaraSync again: a sync right after a successful one has nothing to do'
$again = @($rows | Invoke-TotaraSync @sync -Confirm:$false)
Write-Host "$($again.Count) change(s) on the second run."

Write-Step '10. Disconnect-Totara: forget the session and its token'
Disconnect-Totara
Write-Host 'Done.'
