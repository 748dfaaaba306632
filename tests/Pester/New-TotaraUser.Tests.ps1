#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    Import-Module (Get-BuiltModuleManifest) -Force
    Connect-TestEmulator -Emulator $script:Emulator
    $script:Password = ConvertTo-TestSecureString 'Passw0rd!'
    # Usernames unique to this run, lower case as Totara stores them.
    $script:Prefix = 'pnew' + [guid]::NewGuid().ToString('N').Substring(0, 8)
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'New-TotaraUser' {
    It 'creates one user from parameters and returns it as a TotaraUser' {
        $name = "$Prefix-one"

        $user = New-TotaraUser -Username $name -FirstName 'Ann' -LastName 'Lee' -Email "$name@example.com" -IdNumber "$name-E1" `
            -Password $Password -Department 'Sales'

        $user | Should -BeOfType ([Totara.PowerShell.Users.TotaraUser])
        $user.Id | Should -BeGreaterThan 0
        $user.Username | Should -Be $name
        $user.FirstName | Should -Be 'Ann'
        $user.IdNumber | Should -Be "$name-E1"
        $user.Suspended | Should -BeFalse
        $stored = Get-TotaraUser -Identity $name -Property Department
        $stored.Id | Should -Be $user.Id
        $stored.Department | Should -Be 'Sales'
    }

    It 'binds CSV rows by column name, HR aliases included, and returns the users in input order' {
        $csv = @"
Username,FirstName,LastName,Email,EmployeeID,City,Country
$Prefix-csv1,Csv,Row1,$Prefix-csv1@example.com,$Prefix-E1,Auckland,nz
$Prefix-csv2,Csv,Row2,$Prefix-csv2@example.com,$Prefix-E2,Wellington,nz
$Prefix-csv3,Csv,Row3,$Prefix-csv3@example.com,$Prefix-E3,Nelson,nz
"@

        $users = $csv | ConvertFrom-Csv | New-TotaraUser -Password $Password

        $users.Username | Should -Be @("$Prefix-csv1", "$Prefix-csv2", "$Prefix-csv3")
        $stored = Get-TotaraUser -Identity "$Prefix-csv2" -Property City, Country
        $stored.IdNumber | Should -Be "$Prefix-E2"
        $stored.City | Should -Be 'Wellington'
        $stored.Country | Should -Be 'NZ'
    }

    It 'reads an HR file as Invoke-TotaraSync does: cells trimmed, a country by name, a password column' {
        $csv = @"
Username,FirstName,LastName,Email,Country,Password
  $Prefix-hr1  , Hana ,Row1,$Prefix-hr1@example.com,New Zealand,Hr-Passw0rd!1
$Prefix-hr2,Hemi,Row2,$Prefix-hr2@example.com,  nz  ,Hr-Passw0rd!2
"@

        $users = $csv | ConvertFrom-Csv | New-TotaraUser -ErrorVariable failed -ErrorAction SilentlyContinue

        # No -Password and no -GeneratePassword: without the column, both would be refused as needing a password.
        $failed | Should -BeNullOrEmpty
        $users.Username | Should -Be @("$Prefix-hr1", "$Prefix-hr2")
        (Get-TotaraUser -Identity "$Prefix-hr1" -Property Country).FirstName | Should -Be 'Hana'
        (Get-TotaraUser -Identity "$Prefix-hr1" -Property Country).Country | Should -Be 'NZ'
        (Get-TotaraUser -Identity "$Prefix-hr2" -Property Country).Country | Should -Be 'NZ'
    }

    It 'numbers records by their place in the input, a record with a password column included' {
        $rows = @(
            [pscustomobject]@{ Username = "$Prefix-n1"; FirstName = 'N'; LastName = 'One'; Email = "$Prefix-n1@example.com"; Password = 'Num-Passw0rd!1' }
            [pscustomobject]@{ Username = "$Prefix-n2"; FirstName = 'N'; LastName = 'Two'; Email = 'not-an-email'; Password = 'Num-Passw0rd!2' }
            [pscustomobject]@{ Username = "$Prefix-n3"; FirstName = 'N'; LastName = 'Three'; Email = 'also-not-an-email'; Password = 'Num-Passw0rd!3' }
        )

        $null = $rows | New-TotaraUser -ErrorVariable failed -ErrorAction SilentlyContinue

        $failed | Should -HaveCount 2
        $failed[0].Exception.Message | Should -BeLike "Record 2 ($Prefix-n2)*"
        $failed[1].Exception.Message | Should -BeLike "Record 3 ($Prefix-n3)*"
    }

    It 'binds Get-ADUser-like objects (SamAccountName, GivenName, Surname, EmailAddress, EmployeeNumber)' {
        $ad = [pscustomobject]@{
            SamAccountName = "$Prefix-AD1"; GivenName = 'Ad'; Surname = 'User'; EmailAddress = "$Prefix-ad1@example.com"
            EmployeeNumber = "$Prefix-N1"; Company = 'Acme'; l = 'Paris'; c = 'FR'; Enabled = $true
        }

        $user = $ad | New-TotaraUser -Password $Password

        $user.Username | Should -Be "$Prefix-ad1"
        $stored = Get-TotaraUser -Identity "$Prefix-ad1" -Property Institution, City
        $stored.FirstName | Should -Be 'Ad'
        $stored.LastName | Should -Be 'User'
        $stored.IdNumber | Should -Be "$Prefix-N1"
        $stored.Institution | Should -Be 'Acme'
        $stored.City | Should -Be 'Paris'
    }

    It 'writes a non-terminating error naming the record and field, with the row as target, and creates the rest' {
        $rows = @(
            [pscustomobject]@{ Username = "$Prefix-ok1"; FirstName = 'A'; LastName = 'One'; Email = "$Prefix-ok1@example.com" }
            [pscustomobject]@{ Username = "$Prefix-bad"; FirstName = 'B'; LastName = 'Two'; Email = 'not-an-email' }
            [pscustomobject]@{ Username = "$Prefix-ok2"; FirstName = 'C'; LastName = 'Three'; Email = "$Prefix-ok2@example.com" }
        )

        $users = $rows | New-TotaraUser -Password $Password -ErrorVariable failures -ErrorAction SilentlyContinue

        $users.Username | Should -Be @("$Prefix-ok1", "$Prefix-ok2")
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraInvalidInput,*'
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $failures[0].Exception.Message | Should -Match 'Record 2'
        $failures[0].Exception.Message | Should -Match 'field Email'
        $failures[0].TargetObject.Username | Should -Be "$Prefix-bad"
        Get-TotaraUser -Identity "$Prefix-bad" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a key repeated within the input before sending, and creates the first' {
        $rows = @(
            [pscustomobject]@{ Username = "$Prefix-dup"; FirstName = 'D'; LastName = 'First'; Email = "$Prefix-dup@example.com" }
            [pscustomobject]@{ Username = "$Prefix-dup"; FirstName = 'D'; LastName = 'Again'; Email = "$Prefix-dup2@example.com" }
        )

        $users = $rows | New-TotaraUser -Password $Password -ErrorVariable failures -ErrorAction SilentlyContinue

        @($users).Count | Should -Be 1
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraDuplicateInput,*'
        $failures[0].Exception.Message | Should -Match 'record 1'
        (Get-TotaraUser -Identity "$Prefix-dup").LastName | Should -Be 'First'
    }

    It 'reports a username the site already has as a failed record' {
        $name = "$Prefix-taken"
        $null = New-TotaraUser -Username $name -FirstName 'T' -LastName 'Aken' -Email "$name@example.com" -Password $Password

        $again = New-TotaraUser -Username $name -FirstName 'T' -LastName 'Again' -Email "$name-2@example.com" -Password $Password `
            -ErrorVariable failures -ErrorAction SilentlyContinue

        $again | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'TotaraRecordFailed,*'
        $failures[0].Exception.Message | Should -Match $name
    }

    It 'creates many users in batches, in input order' {
        $users = 1..300 | ForEach-Object {
            [pscustomobject]@{ Username = "$Prefix-bulk$_"; FirstName = 'Bulk'; LastName = "User $_"; Email = "$Prefix-bulk$_@example.com" }
        } | New-TotaraUser -GeneratePassword

        $users.Count | Should -Be 300
        $users[0].Username | Should -Be "$Prefix-bulk1"
        $users[299].Username | Should -Be "$Prefix-bulk300"
        (Get-TotaraUser -Identity "$Prefix-bulk150").LastName | Should -Be 'User 150'
    }

    It 'creates a suspended user with -Suspended' {
        $user = New-TotaraUser -Username "$Prefix-susp" -FirstName 'S' -LastName 'Usp' -Email "$Prefix-susp@example.com" -Password $Password -Suspended

        $user.Suspended | Should -BeTrue
        (Get-TotaraUser -Identity "$Prefix-susp").Suspended | Should -BeTrue
    }

    It 'sends nothing with -WhatIf' {
        $result = New-TotaraUser -Username "$Prefix-whatif" -FirstName 'W' -LastName 'If' -Email "$Prefix-whatif@example.com" -Password $Password -WhatIf

        $result | Should -BeNullOrEmpty
        Get-TotaraUser -Identity "$Prefix-whatif" -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'never shows the password' {
        $secret = 'S3cret-' + [guid]::NewGuid().ToString('N')

        $all = New-TotaraUser -Username "$Prefix-pw" -FirstName 'P' -LastName 'W' -Email "$Prefix-pw@example.com" `
            -Password (ConvertTo-TestSecureString $secret) -Verbose *>&1

        ($all | Out-String) | Should -Not -Match $secret
        ($all | Format-List * -Force | Out-String) | Should -Not -Match $secret
    }
}
