#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
    $script:Password = ConvertTo-TestSecureString 'Passw0rd!'
    $script:Prefix = 'pset' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    function script:New-PesterUser([string] $Suffix) {
        New-TotaraUser -Username "$Prefix-$Suffix" -FirstName 'First' -LastName 'Last' -Email "$Prefix-$Suffix@example.com" `
            -IdNumber "$Prefix-$Suffix-E" -Department 'Sales' -City 'Auckland' -Password $Password
    }
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Set-TotaraUser' {
    It 'changes only the fields given and leaves the others as they were' {
        $user = New-PesterUser 'only'

        $result = Set-TotaraUser -Identity $user.Username -City 'Dunedin'

        $result | Should -BeNullOrEmpty
        $stored = Get-TotaraUser -Identity $user.Username -Property City, Department
        $stored.City | Should -Be 'Dunedin'
        $stored.Department | Should -Be 'Sales'
        $stored.FirstName | Should -Be 'First'
        $stored.Email | Should -Be "$Prefix-only@example.com"
    }

    It 'returns the updated user with -PassThru' {
        $user = New-PesterUser 'pass'

        $result = Set-TotaraUser -Identity $user.Id -LastName 'Changed' -PassThru

        $result | Should -BeOfType ([Totara.PowerShell.Users.TotaraUser])
        $result.Id | Should -Be $user.Id
        $result.LastName | Should -Be 'Changed'
    }

    It 'takes users from the pipeline: TotaraUser objects and CSV rows naming the user' {
        $a = New-PesterUser 'pipe-a'
        $b = New-PesterUser 'pipe-b'

        Get-TotaraUser -Identity $a.Username | Set-TotaraUser -Department 'Finance'
        "Username,LastName`n$($b.Username),FromCsv" | ConvertFrom-Csv | Set-TotaraUser

        (Get-TotaraUser -Identity $a.Username -Property Department).Department | Should -Be 'Finance'
        (Get-TotaraUser -Identity $b.Username).LastName | Should -Be 'FromCsv'
        (Get-TotaraUser -Identity $b.Username -Property City).City | Should -Be 'Auckland'
    }

    It 'renames a user with -NewUsername' {
        $user = New-PesterUser 'old'

        $renamed = Set-TotaraUser -Identity $user.Id -NewUsername "$Prefix-new" -PassThru

        $renamed.Username | Should -Be "$Prefix-new"
        (Get-TotaraUser -Identity $user.Id).Username | Should -Be "$Prefix-new"
    }

    It 'writes a not-found error naming the identity, and updates the rest' {
        $user = New-PesterUser 'rest'

        $result = Set-TotaraUser -Identity 'nobody-here', $user.Username -City 'Napier' -PassThru -ErrorVariable failures -ErrorAction SilentlyContinue

        @($result).Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
        $failures[0].Exception.Message | Should -Match 'nobody-here'
        (Get-TotaraUser -Identity $user.Username -Property City).City | Should -Be 'Napier'
    }

    It 'refuses a bad value before sending, naming the record and the field' {
        $user = New-PesterUser 'bad'
        $row = [pscustomobject]@{ Username = $user.Username; Email = 'not-an-email' }

        $row | Set-TotaraUser -ErrorVariable failures -ErrorAction SilentlyContinue

        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraInvalidInput,*'
        $failures[0].Exception.Message | Should -Match 'field Email'
        $failures[0].TargetObject.Email | Should -Be 'not-an-email'
        (Get-TotaraUser -Identity $user.Username).Email | Should -Be "$Prefix-bad@example.com"
    }

    It 'changes nothing with -WhatIf' {
        $user = New-PesterUser 'whatif'

        Set-TotaraUser -Identity $user.Username -LastName 'Never' -WhatIf

        (Get-TotaraUser -Identity $user.Username).LastName | Should -Be 'Last'
    }
}
