<#
.SYNOPSIS
    Packs the staged module into Totara.PowerShell.<version>.nupkg with Publish-PSResource, exactly
    as a publish to the PowerShell Gallery packs it, by publishing to a local folder repository.

.DESCRIPTION
    Called by build/Package.proj. The folder repository is registered under a unique name for this
    run only and unregistered afterwards, so the user's own repository list is left as it was.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory = $true)] [string] $ModuleFolder,
    [Parameter(Mandatory = $true)] [string] $Destination
)

$ErrorActionPreference = 'Stop'
Import-Module Microsoft.PowerShell.PSResourceGet
$name = 'TotaraPackage-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
New-Item -ItemType Directory -Path $Destination -Force | Out-Null
Register-PSResourceRepository -Name $name -Uri ([System.IO.Path]::GetFullPath($Destination)) -Trusted
try {
    Publish-PSResource -Path $ModuleFolder -Repository $name
}
finally {
    Unregister-PSResourceRepository -Name $name
}
