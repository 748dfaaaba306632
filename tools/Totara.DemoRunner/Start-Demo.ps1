<#
.SYNOPSIS
    The demo runner's launcher: imports the built module, then runs the demo script with the
    emulator's address and client. The secret comes in TOTARA_DEMO_CLIENT_SECRET (a fresh one
    each run), so it never appears on a command line.
#>
param(
    [Parameter(Mandatory = $true)] [string] $ModuleManifest,
    [Parameter(Mandatory = $true)] [string] $Script,
    [Parameter(Mandatory = $true)] [string] $Url,
    [Parameter(Mandatory = $true)] [string] $ClientId
)
# The script chooses its own error preference; only the launcher's steps stop at once.
Import-Module -Name $ModuleManifest -ErrorAction Stop
$secret = ConvertTo-SecureString -String $env:TOTARA_DEMO_CLIENT_SECRET -AsPlainText -Force
Remove-Item -Path Env:TOTARA_DEMO_CLIENT_SECRET
& $Script -Url $Url -ClientId $ClientId -ClientSecret $secret
