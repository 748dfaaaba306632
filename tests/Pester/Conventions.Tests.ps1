#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

# Conventions every cmdlet the manifest exports keeps, so a new cmdlet cannot quietly skip one:
# sealed, typed output, a help page, a Pester file of its own that tests it, -WhatIf on every change,
# a public base whose generic arguments are the module's own (or .NET's) types, at most four levels
# below PSCmdlet, and a namespace that names the folder its source is in.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $data = Import-PowerShellDataFile -LiteralPath (Get-BuiltModuleManifest)
    $script:Cmdlets = @($data.CmdletsToExport | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    Import-Module (Get-BuiltModuleManifest) -Force
    $script:ModuleAssembly = (Get-Module Totara.PowerShell).ImplementingAssembly
    # Verbs whose cmdlets change the site: they must take -WhatIf and -Confirm.
    $script:ChangingVerbs = @('New', 'Set', 'Remove', 'Add', 'Enable', 'Disable', 'Invoke')
}

AfterAll {
    Stop-TestRun
}

Describe '<Name> keeps the module''s conventions' -ForEach $Cmdlets {
    BeforeAll {
        $script:Command = Get-Command -Name $Name -Module Totara.PowerShell
        $script:Type = $Command.ImplementingType
    }

    It 'is a sealed class' {
        $Type.IsSealed | Should -BeTrue -Because "$($Type.FullName) is a cmdlet, not a base"
    }

    It 'declares its output type' {
        @($Command.OutputType).Count | Should -BeGreaterThan 0 -Because '[OutputType] feeds Get-Help, tab completion on its output and the format views'
    }

    It 'has a help page with a synopsis and at least one example' {
        $page = Join-Path $script:RepoRoot "docs/$Name.md"
        Test-Path -LiteralPath $page | Should -BeTrue -Because "docs/$Name.md is the help source"
        $text = Get-Content -LiteralPath $page -Raw
        $text | Should -Match '## SYNOPSIS'
        $text | Should -Match '### Example 1'
    }

    It 'has a Pester file of its own with at least three tests' {
        $file = Join-Path $PSScriptRoot "$Name.Tests.ps1"
        Test-Path -LiteralPath $file | Should -BeTrue
        $its = [regex]::Matches((Get-Content -LiteralPath $file -Raw), '(?m)^\s*It\s+[''"]').Count
        $its | Should -BeGreaterOrEqual 3
    }

    It 'takes -WhatIf and -Confirm if it changes anything' {
        $verb = $Name.Split('-')[0]
        if ($ChangingVerbs -notcontains $verb) { return }
        $Command.Parameters.Keys | Should -Contain 'WhatIf'
        $Command.Parameters.Keys | Should -Contain 'Confirm'
    }

    It 'derives from bases whose generic arguments are the module''s own or .NET''s types' {
        $base = $Type.BaseType
        while ($base -and $base -ne [System.Management.Automation.PSCmdlet]) {
            foreach ($argument in $base.GenericTypeArguments) {
                $origin = $argument.Assembly
                ($origin -eq $ModuleAssembly -or $origin.GetName().Name -like 'System*' -or $origin.GetName().Name -eq 'netstandard') |
                    Should -BeTrue -Because "$($base.Name) takes $($argument.FullName) from $($origin.GetName().Name); a public base must not tie the module's surface to another assembly"
            }
            $base = $base.BaseType
        }
    }

    It 'is at most four levels below PSCmdlet, through TotaraCmdlet' {
        $chain = @()
        $base = $Type
        while ($base -and $base -ne [System.Management.Automation.PSCmdlet]) {
            $chain += $base.Name
            $base = $base.BaseType
        }
        $chain.Count | Should -BeLessOrEqual 4 -Because "$($chain -join ' -> ') is too deep to tell which base a new cmdlet takes"
        $chain[-1] | Should -Be 'TotaraCmdlet'
    }

    It 'lives in the namespace of its feature folder, and its source file is there' {
        $Type.Namespace | Should -Match '^Totara\.PowerShell\.[A-Za-z]+$'
        $folder = $Type.Namespace.Split('.')[-1]
        $source = Join-Path $script:RepoRoot "src/Totara.PowerShell/$folder/$($Type.Name).cs"
        Test-Path -LiteralPath $source | Should -BeTrue -Because "a cmdlet's source sits in its feature folder ($folder/)"
    }
}
