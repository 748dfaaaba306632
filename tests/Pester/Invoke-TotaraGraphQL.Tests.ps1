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

Describe 'Invoke-TotaraGraphQL' {
    BeforeAll {
        Connect-TestEmulator -Emulator $Emulator

        $script:CountUsers = {
            $query = 'query count_users($query: core_user_users_query) { core_user_users(query: $query) { total } }'
            $variables = @{ query = @{ filters = @{ status = 'ALL' }; pagination = @{ limit = 1 } } }
            (Invoke-TotaraGraphQL -Query $query -Variables $variables).core_user_users.total
        }
        $script:CreateUser = @'
mutation create_user($input: core_user_create_user_input!) {
  core_user_create_user(input: $input) { user { id username } }
}
'@
        $script:NewUserInput = {
            $name = 'pester' + [guid]::NewGuid().ToString('N').Substring(0, 10)
            @{ username = $name; firstname = 'Pester'; lastname = 'Test'; email = "$name@example.com"; password = 'Pw!' + [guid]::NewGuid().ToString('N') + 'Aa1' }
        }
    }

    It 'returns data as objects' {
        $data = Invoke-TotaraGraphQL 'query { totara_webapi_status { status timestamp } }'

        $data.totara_webapi_status.status | Should -Be 'ok'
        $data.totara_webapi_status.PSObject.Properties.Name | Should -Be @('status', 'timestamp')
    }

    It 'sends nested -Variables' {
        $query = 'query page($query: core_user_users_query) { core_user_users(query: $query) { items { id username } total } }'
        $variables = @{ query = @{ pagination = @{ limit = 2 }; sort = @(@{ column = 'id'; direction = 'DESC' }) } }

        $users = (Invoke-TotaraGraphQL -Query $query -Variables $variables).core_user_users

        $users.items.Count | Should -Be 2
        $users.total | Should -BeOfType ([long])
        [long]$users.items[0].id | Should -BeGreaterThan ([long]$users.items[1].id)
    }

    It 'streams every page with -All' {
        $query = @'
query all_users($cursor: String) {
  core_user_users(query: { pagination: { cursor: $cursor, limit: 3 }, filters: { status: ALL } }) {
    items { id username }
    total
    next_cursor
  }
}
'@
        $total = & $CountUsers

        $users = @(Invoke-TotaraGraphQL -Query $query -All -ListField core_user_users)

        $total | Should -BeGreaterThan 6
        $users.Count | Should -Be $total
        ($users.id | Sort-Object -Unique).Count | Should -Be $total
    }

    It 'writes a GraphQL error as a non-terminating error whose target is the alias' {
        $existing = & $NewUserInput
        Invoke-TotaraGraphQL -Query $CreateUser -Variables @{ input = $existing } | Out-Null
        $mutation = @'
mutation two($good: core_user_create_user_input!, $duplicate: core_user_create_user_input!) {
  good: core_user_create_user(input: $good) { user { username } }
  again: core_user_create_user(input: $duplicate) { user { username } }
}
'@
        $errors = $null

        Invoke-TotaraGraphQL -Query $mutation -Variables @{ good = (& $NewUserInput); duplicate = $existing } -ErrorVariable errors -ErrorAction SilentlyContinue

        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -BeLike 'TotaraGraphQLError,*'
        $errors[0].TargetObject | Should -Be 'again'
        $errors[0].Exception.Message | Should -Match $existing.username
    }

    It 'sends nothing for a mutation with -WhatIf' {
        $before = & $CountUsers
        $userInput = & $NewUserInput

        $result = Invoke-TotaraGraphQL -Query $CreateUser -Variables @{ input = $userInput } -WhatIf

        $result | Should -BeNullOrEmpty
        & $CountUsers | Should -Be $before
    }

    It 'runs the mutation without -WhatIf' {
        $before = & $CountUsers
        $userInput = & $NewUserInput

        $data = Invoke-TotaraGraphQL -Query $CreateUser -Variables @{ input = $userInput }

        $data.core_user_create_user.user.username | Should -Be $userInput.username
        & $CountUsers | Should -Be ($before + 1)
    }

    It 'returns the whole response with -Raw and leaves errors in it' {
        $errors = $null

        $response = Invoke-TotaraGraphQL -Query 'query { core_user_user(reference: {username: "nobody-pester"}) { user { id } } }' -Raw -ErrorVariable errors

        $response.PSObject.Properties.Name | Should -Be @('data', 'errors', 'extensions')
        $response.errors.Count | Should -BeGreaterThan 0
        $errors | Should -BeNullOrEmpty
    }

    It 'warns about a field Totara would drop silently, unless -SkipSchemaCheck' {
        $data = Invoke-TotaraGraphQL -Query 'query { totara_webapi_status { status no_such_field } }' -WarningVariable warned -WarningAction SilentlyContinue
        $data.totara_webapi_status.status | Should -Be 'ok'
        @($warned).Count | Should -Be 1
        $warned[0].Message | Should -Match "no_such_field"

        $null = Invoke-TotaraGraphQL -Query 'query { totara_webapi_status { status no_such_field } }' -SkipSchemaCheck -WarningVariable quiet -WarningAction SilentlyContinue
        @($quiet).Count | Should -Be 0
    }

    It 'runs the operation that -OperationName names' {
        $document = 'query first_op { core_user_users { total } } query status_op { totara_webapi_status { status } }'

        (Invoke-TotaraGraphQL -Query $document -OperationName status_op).totara_webapi_status.status | Should -Be 'ok'
    }

    It 'refuses an operation name Totara would refuse, before sending' {
        $thrown = Get-ThrownError { Invoke-TotaraGraphQL -Query 'query GetStatus { totara_webapi_status { status } }' -OperationName GetStatus }

        $thrown.FullyQualifiedErrorId | Should -BeLike 'ParameterArgumentValidationError,*'
        $thrown.Exception.Message | Should -Match "lower-case letters, digits and underscores"
    }

    It 'refuses a SecureString variable' {
        $variables = @{ secret = (ConvertTo-SecureString -String 'x' -AsPlainText -Force) }

        (Get-ThrownError { Invoke-TotaraGraphQL -Query 'query q($secret: String) { totara_webapi_status { status } }' -Variables $variables -ErrorAction Stop }).FullyQualifiedErrorId |
            Should -BeLike 'TotaraInvalidVariable,*'
    }
}
