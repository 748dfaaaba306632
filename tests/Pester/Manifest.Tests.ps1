#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# The built manifest as the Gallery and PowerShell read it: Test-ModuleManifest in real pwsh, the
# exports equal to what the assembly defines, and the metadata the Gallery shows.

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Manifest = Get-BuiltModuleManifest
    $script:Data = Import-PowerShellDataFile -LiteralPath $script:Manifest
    Import-Module $script:Manifest -Force
    $script:Assembly = (Get-Module Totara.PowerShell).ImplementingAssembly
}

AfterAll {
    Stop-TestRun
}

Describe 'Totara.PowerShell.psd1' {
    It 'passes Test-ModuleManifest' {
        $tested = Test-ModuleManifest -Path $Manifest -ErrorAction Stop
        $tested.Name | Should -Be 'Totara.PowerShell'
        $tested.Version | Should -Be ([version]$Data.ModuleVersion)
        $tested.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
    }

    It 'exports exactly the cmdlets and aliases the assembly defines' {
        $types = $Assembly.GetExportedTypes() | Where-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) }
        $cmdlets = $types | ForEach-Object {
            $attribute = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            "$($attribute.VerbName)-$($attribute.NounName)"
        }
        $aliases = $types | ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.AliasAttribute], $false).AliasNames }
        @($Data.CmdletsToExport | Sort-Object) | Should -Be @($cmdlets | Sort-Object)
        @($Data.AliasesToExport | Sort-Object) | Should -Be @($aliases | Sort-Object)
        @($Data.FunctionsToExport) | Should -BeNullOrEmpty
    }

    It 'carries the metadata the Gallery shows' {
        $psData = $Data.PrivateData.PSData
        foreach ($tag in 'Totara', 'LMS', 'GraphQL', 'HR', 'Sync', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS') {
            $psData.Tags | Should -Contain $tag
        }
        [uri]$psData.ProjectUri | Should -Not -BeNullOrEmpty
        ([uri]$psData.ProjectUri).Scheme | Should -Be 'https'
        $psData.LicenseUri | Should -BeLike "$($psData.ProjectUri)*LICENSE"
    }

    It 'takes its release notes from the CHANGELOG.md section of its version' {
        $changelog = (Get-Content -LiteralPath (Join-Path $RepoRoot 'CHANGELOG.md') -Raw) -replace "`r`n", "`n"
        $pattern = '(?ms)^## \[' + [regex]::Escape($Data.ModuleVersion) + '\][^\n]*\n(.*?)(?=^## \[|\z)'
        $section = [regex]::Match($changelog, $pattern)
        $section.Success | Should -BeTrue -Because 'CHANGELOG.md has a section for the version'
        $Data.PrivateData.PSData.ReleaseNotes | Should -Be $section.Groups[1].Value.Trim()
    }
}
