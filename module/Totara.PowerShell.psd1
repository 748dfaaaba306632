#
# Module manifest for Totara.PowerShell.
# The build copies this file into out/Totara.PowerShell/<ModuleVersion>/ and sets ModuleVersion
# there from Directory.Build.props, so the version is kept in one place.
#
@{
    RootModule           = 'Totara.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '37aff046-086d-4fda-ad96-297ae00a1fbc'
    Author               = 'Totara.PowerShell contributors'
    CompanyName          = 'Totara.PowerShell contributors'
    Copyright            = '(c) Totara.PowerShell contributors. All rights reserved.'
    Description          = 'Administer and synchronise a Totara 17/18 site through its external GraphQL API: connect with OAuth2 client credentials, check the API, and run GraphQL operations with paging, batching, pacing and retries handled for you. Works in Windows PowerShell 5.1, PowerShell 7 and Azure Automation.'
    PowerShellVersion    = '5.1'

    # The cmdlet assembly's own dependencies live in the dependencies/ folder and are resolved
    # by the module itself (see src/Totara.PowerShell/Loading), so nothing is listed here.
    FormatsToProcess     = @('Totara.PowerShell.format.ps1xml')

    # Explicit lists: wildcards make PowerShell load the assembly just to discover commands.
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-Totara'
        'Disconnect-Totara'
        'Get-TotaraSession'
        'Get-TotaraStatus'
        'Invoke-TotaraGraphQL'
        'Get-TotaraUser'
        'New-TotaraUser'
        'Set-TotaraUser'
        'Disable-TotaraUser'
        'Enable-TotaraUser'
        'Remove-TotaraUser'
        'Get-TotaraCohort'
        'Add-TotaraCohortMember'
        'Remove-TotaraCohortMember'
        'Test-TotaraCohortMember'
        'Get-TotaraJobAssignment'
        'New-TotaraJobAssignment'
        'Set-TotaraJobAssignment'
        'Remove-TotaraJobAssignment'
        'Get-TotaraCourse'
        'Add-TotaraCourseEnrolment'
        'Remove-TotaraCourseEnrolment'
        'Test-TotaraCourseEnrolment'
        'Get-TotaraCourseCompletion'
        'Get-TotaraGoal'
        'New-TotaraGoal'
        'Set-TotaraGoal'
        'Remove-TotaraGoal'
        'Set-TotaraGoalProgress'
        'Invoke-TotaraSync'
    )
    VariablesToExport    = @()
    AliasesToExport      = @(
        'Get-TotaraAudience'
        'Add-TotaraAudienceMember'
        'Remove-TotaraAudienceMember'
        'Test-TotaraAudienceMember'
    )

    PrivateData          = @{
        PSData = @{
            Tags         = @('Totara', 'LMS', 'GraphQL', 'HR', 'Sync', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            # ProjectUri and LicenseUri come from Directory.Build.props (RepositoryUrl) at build time.
            ProjectUri   = ''
            LicenseUri   = ''
            # The build puts the CHANGELOG.md section of ModuleVersion here.
            ReleaseNotes = ''
        }
    }
}
