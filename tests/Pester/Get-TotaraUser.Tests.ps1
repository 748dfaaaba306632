#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
    $script:Prefix = 'pget' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Known = New-TotaraUser -Username "$Prefix-known" -FirstName 'Kim' -LastName 'Known' -Email "$Prefix-known@example.com" `
        -IdNumber "$Prefix-K1" -Department 'Finance' -Password (ConvertTo-TestSecureString 'Passw0rd!')
    $script:Asleep = New-TotaraUser -Username "$Prefix-asleep" -FirstName 'Sam' -LastName 'Asleep' -Email "$Prefix-asleep@example.com" `
        -Password (ConvertTo-TestSecureString 'Passw0rd!') -Suspended
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Get-TotaraUser' {
    Context 'by -Identity' {
        It 'accepts an id, a username, an idnumber, an email and piped objects' {
            $users = @(
                Get-TotaraUser -Identity $Known.Id
                Get-TotaraUser -Identity $Known.Username.ToUpper()
                Get-TotaraUser "$Prefix-K1"
                Get-TotaraUser "$Prefix-known@example.com"
                [pscustomobject]@{ Username = $Known.Username } | Get-TotaraUser
                [pscustomobject]@{ IdNumber = "$Prefix-K1" } | Get-TotaraUser
                $Known | Get-TotaraUser
            )

            $users.Count | Should -Be 7
            $users | ForEach-Object { $_.Id | Should -Be $Known.Id }
            $users[0] | Should -BeOfType ([Totara.PowerShell.Users.TotaraUser])
        }

        It 'writes a non-terminating error naming an identity that matches nobody, and returns the others' {
            $users = Get-TotaraUser -Identity 'nobody-here', $Known.Username -ErrorVariable failures -ErrorAction SilentlyContinue

            @($users).Count | Should -Be 1
            $users.Username | Should -Be $Known.Username
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraUserNotFound,*'
            $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $failures[0].Exception.Message | Should -Match "username 'nobody-here'"
            $failures[0].TargetObject | Should -Be 'nobody-here'
        }

        It 'asks only for the default view unless -Property asks for more' {
            $plain = Get-TotaraUser -Identity $Known.Username
            $rich = Get-TotaraUser -Identity $Known.Username -Property Department

            $plain.Department | Should -BeNullOrEmpty
            $rich.Department | Should -Be 'Finance'
            $rich.FirstName | Should -Be 'Kim'
        }

        It 'refuses a -Property that is not a user property' {
            { Get-TotaraUser -Identity $Known.Username -Property 'NoSuchField' -ErrorAction Stop } | Should -Throw
        }
    }

    Context 'listing' {
        It 'streams every active user without -First, and excludes suspended ones' {
            $all = Get-TotaraUser

            $all.Count | Should -BeGreaterThan 1
            $all.Username | Should -Contain $Known.Username
            $all.Username | Should -Not -Contain $Asleep.Username
            ($all | Where-Object Suspended).Count | Should -Be 0
        }

        It 'lists suspended users with -Status Suspended, and both with -Status All' {
            $suspended = Get-TotaraUser -Status Suspended
            $everyone = Get-TotaraUser -Status All

            $suspended.Username | Should -Contain $Asleep.Username
            $suspended.Username | Should -Not -Contain $Known.Username
            ($suspended | Where-Object { -not $_.Suspended }).Count | Should -Be 0
            $everyone.Username | Should -Contain $Asleep.Username
            $everyone.Username | Should -Contain $Known.Username
        }

        It 'sorts with -Sort and -Descending' {
            $ascending = (Get-TotaraUser -Sort Id).Id
            $descending = (Get-TotaraUser -Sort Id -Descending).Id
            $byName = (Get-TotaraUser -Sort Username).Username

            $ascending | Should -Be ($ascending | Sort-Object)
            $descending | Should -Be ($ascending | Sort-Object -Descending)
            # The site orders usernames by their characters (ordinal), not by a culture's rules.
            for ($i = 1; $i -lt $byName.Count; $i++) {
                [string]::CompareOrdinal($byName[$i - 1], $byName[$i]) | Should -BeLessOrEqual 0
            }
        }

        It 'pages with -First and -Skip' {
            $ids = (Get-TotaraUser -Sort Id).Id

            (Get-TotaraUser -Sort Id -First 3).Id | Should -Be $ids[0..2]
            (Get-TotaraUser -Sort Id -Skip 2 -First 2).Id | Should -Be $ids[2..3]
        }

        It 'lists users modified since a date with -ModifiedSince' {
            $recent = Get-TotaraUser -ModifiedSince ([datetime]::UtcNow.AddMinutes(-30))

            $recent.Username | Should -Contain $Known.Username
            Get-TotaraUser -ModifiedSince ([datetime]::UtcNow.AddDays(1)) | Should -BeNullOrEmpty
        }
    }
}
