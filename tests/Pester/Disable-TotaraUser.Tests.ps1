#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
    $script:Password = ConvertTo-TestSecureString 'Passw0rd!'
    $script:Prefix = 'pdis' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    function script:New-PesterUser([string] $Suffix) {
        New-TotaraUser -Username "$Prefix-$Suffix" -FirstName 'Dis' -LastName 'Able' -Email "$Prefix-$Suffix@example.com" -Password $Password
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Disable-TotaraUser' {
    It 'suspends users named by the pipeline and writes nothing without -PassThru' {
        $a = New-PesterUser 'a'
        $b = New-PesterUser 'b'

        $result = $a.Username, $b.Id | Disable-TotaraUser

        $result | Should -BeNullOrEmpty
        (Get-TotaraUser -Identity $a.Username).Suspended | Should -BeTrue
        (Get-TotaraUser -Identity $b.Username).Suspended | Should -BeTrue
        (Get-TotaraUser).Username | Should -Not -Contain $a.Username
    }

    It 'returns the suspended users with -PassThru' {
        $user = New-PesterUser 'pass'

        $result = $user | Disable-TotaraUser -PassThru

        $result | Should -BeOfType ([Totara.PowerShell.Users.TotaraUser])
        $result.Suspended | Should -BeTrue
    }

    It 'refuses to suspend the service account, naming it, and suspends the others' {
        $other = New-PesterUser 'other'

        'api_service', $other.Username | Disable-TotaraUser -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraRecordFailed,*'
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].Exception.Message | Should -Match 'api_service'
        $failures[0].Exception.Message | Should -Match 'not allowed to suspend itself'
        (Get-TotaraUser -Identity 'api_service').Suspended | Should -BeFalse
        (Get-TotaraUser -Identity $other.Username).Suspended | Should -BeTrue
    }

    It 'writes a not-found error for an unknown user' {
        Disable-TotaraUser -Identity 'nobody-here' -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failures[0].Exception.Message | Should -Match 'nobody-here'
    }

    It 'changes nothing with -WhatIf' {
        $user = New-PesterUser 'whatif'

        Disable-TotaraUser -Identity $user.Username -WhatIf

        (Get-TotaraUser -Identity $user.Username).Suspended | Should -BeFalse
    }
}
