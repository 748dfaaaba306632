#Requires -Version 5.1
<#
.SYNOPSIS
    A first tour of Totara.PowerShell: connect, look at the session, check the API, read users.

.DESCRIPTION
    Connects to a Totara site with an API client's id and secret, shows the session and the
    site's API status, lists a few users and then reads the whole user list page by page, and
    shows how a GraphQL error comes back as an error record. Nothing on the site is changed.

    `dotnet run --project tools/Totara.DemoRunner` runs this script against a local emulator
    with demo data. It runs unchanged in PowerShell 7 or Windows PowerShell 5.1 against any site
    whose API client may read users (core_user_users).

.PARAMETER Url
    The site's base address, e.g. https://learn.example.com (or http://127.0.0.1:5099 for the emulator).

.PARAMETER ClientId
    The API client's id (Site administration > Development > API > Clients).

.PARAMETER ClientSecret
    The API client's secret, as a SecureString.

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
    [securestring] $ClientSecret
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

Write-Step '6. Errors: a bad field comes back as an error record, not as a crash'
$null = Invoke-TotaraGraphQL -Query 'query { core_user_users { items { id no_such_field } } }' -ErrorAction SilentlyContinue -ErrorVariable problems
foreach ($problem in $problems) {
    Write-Host "  $($problem.FullyQualifiedErrorId): $($problem.Exception.Message)" -ForegroundColor Yellow
}

Write-Step '7. Disconnect-Totara: forget the session and its token'
Disconnect-Totara
Write-Host 'Done.'
