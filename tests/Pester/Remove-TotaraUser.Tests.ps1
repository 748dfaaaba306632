#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
    $script:Password = ConvertTo-TestSecureString 'Passw0rd!'
    $script:Prefix = 'prem' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    function script:New-PesterUser([string] $Suffix) {
        New-TotaraUser -Username "$Prefix-$Suffix" -FirstName 'Re' -LastName 'Move' -Email "$Prefix-$Suffix@example.com" -Password $Password
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Remove-TotaraUser' {
    It 'has ConfirmImpact High' {
        $attribute = (Get-Command Remove-TotaraUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $true)[0]

        $attribute.ConfirmImpact | Should -Be 'High'
        $attribute.SupportsShouldProcess | Should -BeTrue
    }

    It 'deletes users named by the pipeline, by username, id and object' {
        $a = New-PesterUser 'a'
        $b = New-PesterUser 'b'
        $c = New-PesterUser 'c'

        $result = @($a.Username, $b.Id, [pscustomobject]@{ Email = $c.Email }) | Remove-TotaraUser -Confirm:$false

        $result | Should -BeNullOrEmpty
        foreach ($user in $a, $b, $c) {
            Get-TotaraUser -Identity $user.Id -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        }
        (Get-TotaraUser -Status All).Username | Should -Not -Contain $a.Username
    }

    It 'refuses to delete the service account and reports unknown users, and deletes the rest' {
        $user = New-PesterUser 'rest'

        @('api_service', 'nobody-here', $user.Username) | Remove-TotaraUser -Confirm:$false -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 2
        $failures[0].Exception.Message | Should -Match 'api_service'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[1].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failures[1].Exception.Message | Should -Match 'nobody-here'
        Get-TotaraUser -Identity 'api_service' | Should -Not -BeNullOrEmpty
        Get-TotaraUser -Identity $user.Username -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'deletes nothing with -WhatIf' {
        $user = New-PesterUser 'whatif'

        Remove-TotaraUser -Identity $user.Username -WhatIf

        (Get-TotaraUser -Identity $user.Username).Id | Should -Be $user.Id
    }
}
