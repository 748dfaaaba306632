namespace Totara.Benchmarks.Scenarios;

/// <summary>The PowerShell the scenarios run, as an administrator would write it.</summary>
internal static class Scripts
{
    /// <summary>
    /// What an admin writes without this module: a token fetched once with Invoke-RestMethod, then
    /// one Invoke-RestMethod per GraphQL operation. Defined once per site (not timed); each
    /// per-record REST script calls Connect-GraphQLRest first (timed: the one token request).
    /// </summary>
    public const string RestClient = """
        param($Url, $ClientId, $Secret)
        $global:RestSite = @{ Url = $Url; ClientId = $ClientId; Secret = $Secret; Headers = $null }
        function global:Connect-GraphQLRest {
            $body = @{ grant_type = 'client_credentials'; client_id = $RestSite.ClientId; client_secret = $RestSite.Secret }
            $token = (Invoke-RestMethod -Method Post -Uri "$($RestSite.Url)/totara/oauth2/token.php" -Body $body).access_token
            $RestSite.Headers = @{ Authorization = "Bearer $token" }
        }
        function global:Send-GraphQL($Query, $Variables) {
            $body = @{ query = $Query; variables = $Variables } | ConvertTo-Json -Depth 10 -Compress
            $answer = Invoke-RestMethod -Method Post -Uri "$($RestSite.Url)/api/graphql.php" -Headers $RestSite.Headers -ContentType 'application/json' -Body $body
            if ($answer.errors) { throw "GraphQL error: $($answer.errors[0].message)" }
            $answer.data
        }
        """;

    /// <summary>Scenario 1's baseline: one Invoke-RestMethod (one core_user_create_user request) per record.</summary>
    public const string RestPerRecordCreate = """
        param($Count, $Prefix)
        Connect-GraphQLRest
        $query = 'mutation bench_create($input: core_user_create_user_input!) { core_user_create_user(input: $input) { user { id username } } }'
        $created = 0
        foreach ($i in 1..$Count) {
            $input = @{ username = "$Prefix$i"; email = "$Prefix$i@example.com"; firstname = 'Bench'; lastname = "User $i"; idnumber = "$Prefix-$i"; generate_password = $true }
            $null = Send-GraphQL -Query $query -Variables @{ input = $input }
            $created++
        }
        [pscustomobject]@{ Created = $created }
        """;

    /// <summary>Records built in the script and piped into New-TotaraUser; returns Created.</summary>
    public const string PipelineCreate = """
        param($Count, $Prefix)
        $created = 0
        1..$Count | ForEach-Object {
            [pscustomobject]@{ Username = "$Prefix$_"; Email = "$Prefix$_@example.com"; FirstName = 'Bench'; LastName = "User $_"; IdNumber = "$Prefix-$_" }
        } | New-TotaraUser -GeneratePassword | ForEach-Object { $created++ }
        [pscustomobject]@{ Created = $created }
        """;

    /// <summary>
    /// The same records as <see cref="PipelineCreate"/>, with every failed record collected rather
    /// than stopping; returns Created, Failed and the first error's id.
    /// </summary>
    public const string PipelineCreateCountingFailures = """
        param($Count, $Prefix)
        $created = 0
        1..$Count | ForEach-Object {
            [pscustomobject]@{ Username = "$Prefix$_"; Email = "$Prefix$_@example.com"; FirstName = 'Bench'; LastName = "User $_"; IdNumber = "$Prefix-$_" }
        } | New-TotaraUser -GeneratePassword -ErrorAction SilentlyContinue -ErrorVariable failures | ForEach-Object { $created++ }
        $firstId = if ($failures.Count -gt 0) { $failures[0].FullyQualifiedErrorId } else { '' }
        [pscustomobject]@{ Created = $created; Failed = $failures.Count; FirstErrorId = $firstId }
        """;

    /// <summary>
    /// Points the default session's client has booked against its budget in the last 60 s (the
    /// pacer's own ledger, which is what makes a run wait). Read through reflection: the session
    /// does not show its client.
    /// </summary>
    public const string ClientBookedPoints = """
        $session = Get-TotaraSession
        $client = $session.GetType().GetProperty('Client', [System.Reflection.BindingFlags]'NonPublic,Instance').GetValue($session)
        [pscustomobject]@{ Booked = $client.ComplexitySpentInWindow }
        """;

    /// <summary>The same records built and counted, without New-TotaraUser: PowerShell's own share of the pipeline.</summary>
    public const string BuildOnly = """
        param($Count, $Prefix)
        $built = 0
        1..$Count | ForEach-Object {
            [pscustomobject]@{ Username = "$Prefix$_"; Email = "$Prefix$_@example.com"; FirstName = 'Bench'; LastName = "User $_"; IdNumber = "$Prefix-$_" }
        } | ForEach-Object { $built++ }
        [pscustomobject]@{ Built = $built }
        """;

    /// <summary>The module's own per-record way: one Invoke-TotaraGraphQL (one request) per record.</summary>
    public const string PerRecordCreate = """
        param($Count, $Prefix)
        $query = 'mutation bench_create($input: core_user_create_user_input!) { core_user_create_user(input: $input) { user { id username } } }'
        $created = 0
        foreach ($i in 1..$Count) {
            $input = @{ username = "$Prefix$i"; email = "$Prefix$i@example.com"; firstname = 'Bench'; lastname = "User $i"; idnumber = "$Prefix-$i"; generate_password = $true }
            $null = Invoke-TotaraGraphQL -Query $query -Variables @{ input = $input } -ErrorAction Stop
            $created++
        }
        [pscustomobject]@{ Created = $created }
        """;

    /// <summary>Streams every user; records when the first one arrives. Nothing is kept.</summary>
    public const string ListAll = """
        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $first = -1.0
        $count = 0
        Get-TotaraUser | ForEach-Object { if ($count -eq 0) { $first = $watch.Elapsed.TotalSeconds }; $count++ }
        [pscustomobject]@{ FirstSeconds = $first; TotalSeconds = $watch.Elapsed.TotalSeconds; Count = $count }
        """;

    /// <summary>
    /// The source of truth for scenario 4, kept in $records: every seeded user as the site has it,
    /// except every <c>$Every</c>-th one, whose LastName changed.
    /// </summary>
    public const string BuildSource = """
        param($Count, $Prefix, $Every)
        $global:records = foreach ($i in 1..$Count) {
            $last = if ($i % $Every -eq 0) { "Changed $i" } else { "User $i" }
            [pscustomobject]@{ Username = "$Prefix$i"; Email = "$Prefix$i@example.com"; FirstName = 'Bench'; LastName = $last; IdNumber = "$Prefix-$i" }
        }
        """;

    /// <summary>Every source record piped into Set-TotaraUser, as they are.</summary>
    public const string UpdateAll = """
        $records | Set-TotaraUser
        """;

    /// <summary>
    /// The documented idiom: read the site once, compare, and pipe only the changed records,
    /// carrying only the changed fields, into Set-TotaraUser.
    /// </summary>
    public const string UpdateChangedOnly = """
        $site = @{}
        Get-TotaraUser | ForEach-Object { $site[$_.Username] = $_ }
        $fields = 'FirstName', 'LastName', 'Email', 'IdNumber'
        $changes = foreach ($record in $records) {
            $current = $site[$record.Username]
            $change = [ordered]@{ Username = $record.Username }
            foreach ($field in $fields) { if ($current.$field -cne $record.$field) { $change[$field] = $record.$field } }
            if ($change.Count -gt 1) { [pscustomobject]$change }
        }
        $changes | Set-TotaraUser
        [pscustomobject]@{ Changed = @($changes).Count }
        """;
}
