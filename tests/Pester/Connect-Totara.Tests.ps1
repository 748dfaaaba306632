#Requires -Version 7.0
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0.0' }

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSupport.ps1')
    $script:Emulator = Start-TestEmulator
    $script:ModuleManifest = Get-BuiltModuleManifest
    Import-Module $script:ModuleManifest -Force
}

AfterAll {
    Stop-TestRun -Emulator $script:Emulator
}

Describe 'Connect-Totara' {
    AfterEach {
        Disconnect-Totara
    }

    It 'connects with -ClientId and -ClientSecret and makes the session the default' {
        $result = Connect-TestEmulator -Emulator $Emulator

        $result | Should -BeNullOrEmpty
        $session = Get-TotaraSession
        $session | Should -BeOfType ([Totara.PowerShell.Session.TotaraSession])
        $session.Url.AbsoluteUri.TrimEnd('/') | Should -Be $Emulator.Url
        $session.ClientId | Should -Be $Emulator.ClientId
        $session.AuthenticationMethod | Should -Be 'ClientCredentials'
        $session.SiteStatus | Should -Be 'ok'
        $session.Queries | Should -Contain 'totara_webapi_status'
        $session.IsConnected | Should -BeTrue
    }

    It 'returns the session with -PassThru and keeps the settings given' {
        $session = Connect-TestEmulator -Emulator $Emulator -Extra @{
            PassThru = $true; ComplexityBudget = 100000; MaxComplexity = 4000; MaxRetryCount = 2
            MaxRetryDuration = [timespan]::FromSeconds(30); RequestTimeout = [timespan]::FromSeconds(20); ServiceAccount = 'svc-sync'
        }

        $session.ComplexityBudget | Should -Be 100000
        $session.MaxComplexity | Should -Be 4000
        $session.MaxRetryCount | Should -Be 2
        $session.MaxRetryDuration | Should -Be ([timespan]::FromSeconds(30))
        $session.RequestTimeout | Should -Be ([timespan]::FromSeconds(20))
        $session.ServiceAccount | Should -Be 'svc-sync'
        (Get-TotaraSession) | Should -Be $session
    }

    It 'connects with a -Credential whose user name is the client id' {
        $credential = [pscredential]::new($Emulator.ClientId, (ConvertTo-TestSecureString $Emulator.ClientSecret))

        $session = Connect-Totara -Url $Emulator.Url -Credential $credential -PassThru

        $session.ClientId | Should -Be $Emulator.ClientId
        (Get-TotaraStatus).Status | Should -Be 'ok'
    }

    It 'connects with a pre-issued -AccessToken' {
        $token = Get-TestAccessToken -Emulator $Emulator

        $session = Connect-Totara -Url $Emulator.Url -AccessToken (ConvertTo-TestSecureString $token) -PassThru

        $session.AuthenticationMethod | Should -Be 'AccessToken'
        $session.ClientId | Should -BeNullOrEmpty
        "$session" | Should -Not -Match ([regex]::Escape($token))
        (Get-TotaraStatus).Status | Should -Be 'ok'
    }

    It 'fails on a wrong secret with an authentication error that does not show the secret' {
        $wrong = 'wrong-' + [guid]::NewGuid().ToString('N')

        # Every stream merged into one list: the caught error record, verbose lines, anything else.
        $all = & {
            try {
                Connect-Totara -Url $Emulator.Url -ClientId $Emulator.ClientId -ClientSecret (ConvertTo-TestSecureString $wrong) -Verbose -ErrorAction Stop
            }
            catch {
                $_
            }
        } *>&1
        $errors = @($all | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TotaraAuthenticationFailed,*'
        $errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        ($all | Out-String) | Should -Not -Match $wrong
        ($errors[0] | Format-List * -Force | Out-String) | Should -Not -Match $wrong
        Get-TotaraSession | Should -BeNullOrEmpty
    }

    It 'refuses http to another machine without -AllowUnencryptedAuthentication' {
        $secret = ConvertTo-TestSecureString 'irrelevant'

        (Get-ThrownError { Connect-Totara -Url 'http://totara.invalid' -ClientId 'x' -ClientSecret $secret -ErrorAction Stop }).FullyQualifiedErrorId |
            Should -BeLike 'TotaraUnencryptedConnectionRefused,*'
        Get-TotaraSession | Should -BeNullOrEmpty
    }

    It 'refuses a redirect in real pwsh: TotaraRedirectRefused names the target, which receives nothing' {
        # A site on 127.0.0.1 that answers everything with 307 to a listener on 127.0.0.2.
        $target = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Parse('127.0.0.2'), 0)
        $target.Start()
        $site = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $site.Start()
        $elsewhere = "http://127.0.0.2:$(([System.Net.IPEndPoint]$target.LocalEndpoint).Port)"
        $server = Start-ThreadJob -ArgumentList $site, $elsewhere -ScriptBlock {
            param($listener, $location)
            for ($i = 0; $i -lt 4; $i++) {
                $client = $listener.AcceptTcpClient()
                $stream = $client.GetStream()
                $buffer = [byte[]]::new(65536)
                $null = $stream.Read($buffer, 0, $buffer.Length)
                $answer = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 307 Temporary Redirect`r`nLocation: $location/totara/oauth2/token.php`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
                $stream.Write($answer, 0, $answer.Length)
                $client.Dispose()
            }
        }
        try {
            $secret = ConvertTo-TestSecureString 'Redirect-S3cret-Pester'
            $failure = Get-ThrownError { Connect-Totara -Url "http://127.0.0.1:$(([System.Net.IPEndPoint]$site.LocalEndpoint).Port)" -ClientId 'r' -ClientSecret $secret }

            $failure.FullyQualifiedErrorId | Should -BeLike 'TotaraRedirectRefused,*'
            $failure.Exception.Message | Should -Match ([regex]::Escape("$elsewhere/totara/oauth2/token.php"))
            ($failure | Out-String) | Should -Not -Match 'Redirect-S3cret-Pester'
            $target.Pending() | Should -BeFalse -Because 'nothing was sent to the redirect target'
        }
        finally {
            $site.Stop(); $target.Stop()
            $server | Stop-Job -PassThru | Remove-Job -Force
        }
    }

    It 'accepts localhost over http' {
        $session = Connect-Totara -Url ($Emulator.Url -replace '127\.0\.0\.1', 'localhost') -ClientId $Emulator.ClientId `
            -ClientSecret (ConvertTo-TestSecureString $Emulator.ClientSecret) -PassThru

        $session.Url.Host | Should -Be 'localhost'
    }

    It 'refuses a URL that is not absolute http(s)' {
        (Get-ThrownError { Connect-Totara -Url 'learn.example.com' -ClientId 'x' -ClientSecret (ConvertTo-TestSecureString 'y') -ErrorAction Stop }).FullyQualifiedErrorId |
            Should -BeLike 'TotaraInvalidUrl,*'
    }

    It 'never shows the secret in the session' {
        $session = Connect-TestEmulator -Emulator $Emulator -Extra @{ PassThru = $true }

        "$session" | Should -Not -Match $Emulator.ClientSecret
        ($session | Format-List * -Force | Out-String) | Should -Not -Match $Emulator.ClientSecret
        ($session | Format-Table | Out-String) | Should -Not -Match $Emulator.ClientSecret
    }

    It 'keeps the default session per runspace' {
        Connect-TestEmulator -Emulator $Emulator
        $manifest = $ModuleManifest

        $inOtherRunspace = 1 | ForEach-Object -Parallel {
            Import-Module $using:manifest
            [bool](Get-TotaraSession)
        }

        $inOtherRunspace | Should -BeFalse
        Get-TotaraSession | Should -Not -BeNullOrEmpty
    }
}

Describe 'Connect-Totara with several API clients' {
    BeforeAll {
        # A site with two more API clients, given as the emulator's --client ID:SECRET switches.
        $script:SecretA = 'pester-a-' + [guid]::NewGuid().ToString('N')
        $script:SecretB = 'pester-b-' + [guid]::NewGuid().ToString('N')
        $script:Several = Start-TestEmulator -ExtraArguments @('--client', "pester-a:$SecretA", '--client', "pester-b:$SecretB")
        $script:CredentialA = [pscredential]::new('pester-a', (ConvertTo-TestSecureString $SecretA))
        $script:CredentialB = [pscredential]::new('pester-b', (ConvertTo-TestSecureString $SecretB))
    }

    AfterAll {
        Disconnect-Totara -ErrorAction SilentlyContinue
        Stop-TestEmulator -Emulator $script:Several
    }

    AfterEach {
        Disconnect-Totara -ErrorAction SilentlyContinue
    }

    It 'takes -Credential $a, $b and Get-TotaraSession shows both clients, never a secret' {
        $verbose = Connect-Totara -Url $Several.Url -Credential $CredentialA, $CredentialB -Verbose 4>&1 | Out-String

        $session = Get-TotaraSession
        $session.ClientIds | Should -Be @('pester-a', 'pester-b')
        $session.ClientId | Should -Be 'pester-a'
        $session.ComplexityBudget | Should -Be 250000
        $session.SiteComplexityBudget | Should -Be 500000
        $shown = ($session | Format-List | Out-String) + ($session | Format-Table | Out-String) + "$session" + $verbose
        $shown | Should -Match 'pester-a, pester-b'
        $shown | Should -Not -Match ([regex]::Escape($SecretA))
        $shown | Should -Not -Match ([regex]::Escape($SecretB))
    }

    It 'spreads a bulk create over the clients and returns the users in input order' {
        # A small request limit makes many batches, so both clients carry some.
        Connect-Totara -Url $Several.Url -Credential $CredentialA, $CredentialB -MaxComplexity 400
        $prefix = 'pmulti' + [guid]::NewGuid().ToString('N').Substring(0, 8)
        $rows = 1..60 | ForEach-Object { [pscustomobject]@{ Username = "$prefix-$_"; FirstName = 'Multi'; LastName = "Row$_"; Email = "$prefix-$_@example.com" } }

        $users = $rows | New-TotaraUser -Password (ConvertTo-TestSecureString 'Passw0rd!')

        $users.Username | Should -Be $rows.Username
        (Get-TotaraUser -Identity "$prefix-60").Username | Should -Be "$prefix-60"
    }

    It 'Invoke-TotaraSync over two clients applies every row, managers before their reports, and a rerun plans nothing' {
        Connect-Totara -Url $Several.Url -Credential $CredentialA, $CredentialB -MaxComplexity 400
        $prefix = 'PS' + [guid]::NewGuid().ToString('N').Substring(0, 6)
        # A chain of 30: each row's manager is the row after it, so the source lists reports before managers.
        $rows = 1..30 | ForEach-Object {
            $name = "$prefix-$_".ToLowerInvariant()
            [pscustomobject]@{
                idnumber = "$prefix-$_"; username = $name; email = "$name@example.com"; firstname = 'Pat'; lastname = "Row$_"
                jobassignmentidnumber = "JA-$prefix-$_"
                manageridnumber = $(if ($_ -lt 30) { "$prefix-$($_ + 1)" } else { '' })
                managerjobassignmentidnumber = $(if ($_ -lt 30) { "JA-$prefix-$($_ + 1)" } else { '' })
            }
        }

        $applied = $rows | Invoke-TotaraSync -ErrorVariable failed
        $again = $rows | Invoke-TotaraSync -Summary

        $failed | Should -BeNullOrEmpty
        @($applied | Where-Object Outcome -ne 'Applied') | Should -BeNullOrEmpty
        (Get-TotaraJobAssignment -UserIdNumber "$prefix-1").ManagerIdNumber | Should -Be "$prefix-2"
        $again.Planned | Should -Be 0
    }

    It 'one credential alone still connects as before' {
        $session = Connect-Totara -Url $Several.Url -Credential $CredentialB -PassThru

        $session.ClientIds | Should -Be @('pester-b')
        $session.SiteComplexityBudget | Should -BeNullOrEmpty
        (Get-TotaraStatus).Status | Should -Be 'ok'
    }

    It 'names the client whose secret is wrong, without any secret' {
        $wrong = [pscredential]::new('pester-b', (ConvertTo-TestSecureString 'Wr0ng-Secret-Pester'))

        { Connect-Totara -Url $Several.Url -Credential $CredentialA, $wrong -ErrorAction Stop } | Should -Throw -ExpectedMessage '*pester-b*'
        $Error[0] | Out-String | Should -Not -Match 'Wr0ng-Secret-Pester|pester-a-'
        Get-TotaraSession -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'refuses a client id given twice' {
        { Connect-Totara -Url $Several.Url -Credential $CredentialA, $CredentialA -ErrorAction Stop } | Should -Throw -ExpectedMessage "*'pester-a' more than once*"
    }
}
