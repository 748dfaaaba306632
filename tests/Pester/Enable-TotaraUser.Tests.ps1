#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
    $script:Password = ConvertTo-TestSecureString 'Passw0rd!'
    $script:Prefix = 'pena' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    function script:New-SuspendedUser([string] $Suffix) {
        New-TotaraUser -Username "$Prefix-$Suffix" -FirstName 'En' -LastName 'Able' -Email "$Prefix-$Suffix@example.com" -Password $Password -Suspended
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Enable-TotaraUser' {
    It 'unsuspends users named by the pipeline' {
        $a = New-SuspendedUser 'a'
        $b = New-SuspendedUser 'b'

        $result = $a.Username, $b.Id | Enable-TotaraUser

        $result | Should -BeNullOrEmpty
        (Get-TotaraUser -Identity $a.Username).Suspended | Should -BeFalse
        (Get-TotaraUser -Identity $b.Username).Suspended | Should -BeFalse
        (Get-TotaraUser).Username | Should -Contain $a.Username
    }

    It 'unsuspends every suspended user piped from Get-TotaraUser -Status Suspended, with -PassThru' {
        $user = New-SuspendedUser 'listed'

        $result = Get-TotaraUser -Status Suspended | Where-Object Username -Like "$Prefix-*" | Enable-TotaraUser -PassThru

        $result.Username | Should -Contain $user.Username
        ($result | Where-Object Suspended).Count | Should -Be 0
        (Get-TotaraUser -Status Suspended).Username | Should -Not -Contain $user.Username
    }

    It 'writes a not-found error naming the identity, and enables the rest' {
        $user = New-SuspendedUser 'rest'

        Enable-TotaraUser -Identity 'nobody-here', $user.Username -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failures[0].Exception.Message | Should -Match 'nobody-here'
        (Get-TotaraUser -Identity $user.Username).Suspended | Should -BeFalse
    }

    It 'changes nothing with -WhatIf' {
        $user = New-SuspendedUser 'whatif'

        Enable-TotaraUser -Identity $user.Username -WhatIf

        (Get-TotaraUser -Identity $user.Username).Suspended | Should -BeTrue
    }
}
