using System.Management.Automation;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>Invoke-TotaraGraphQL: variables, paging, errors, -Raw and -WhatIf, against the emulator.</summary>
[Collection(CmdletTestCollection.Name)]
public sealed class InvokeTotaraGraphQLTests(CmdletTestSites sites) : IDisposable
{
    private const string CreateUser =
        "mutation create_user($input: core_user_create_user_input!) { core_user_create_user(input: $input) { user { id username } } }";

    private const string CountUsers =
        "(Invoke-TotaraGraphQL -Query 'query count_users($query: core_user_users_query) { core_user_users(query: $query) { total } }' " +
        "-Variables @{ query = @{ filters = @{ status = 'ALL' }; pagination = @{ limit = 1 } } }).core_user_users.total";

    private readonly TestSite site = sites.Primary;
    private readonly CmdletShell shell = CmdletShell.Connected(sites.Primary);

    public void Dispose() => shell.Dispose();

    [Fact]
    public void Returns_data_as_PSCustomObjects_with_typed_values()
    {
        var run = shell.Run(
            "$d = Invoke-TotaraGraphQL 'query { totara_webapi_status { status timestamp } }'; $d.totara_webapi_status.status; $d.totara_webapi_status.PSObject.Properties.Name -join ','; $d -is [pscustomobject]");

        run.AssertNoErrors();
        Assert.Equal(["ok", "status,timestamp", "True"], run.OutputText());
    }

    [Fact]
    public void Sends_nested_variables_and_converts_numbers_and_arrays()
    {
        var run = shell.Run(
            "$q = 'query page($query: core_user_users_query) { core_user_users(query: $query) { items { id username } total } }'; " +
            "$v = @{ query = @{ pagination = @{ limit = 2 }; sort = @(@{ column = 'id'; direction = 'DESC' }) } }; " +
            "$u = (Invoke-TotaraGraphQL -Query $q -Variables $v).core_user_users; " +
            "$u.items.Count; $u.items -is [object[]]; $u.items[0].id.GetType().Name; $u.total.GetType().Name; " +
            "[long]$u.items[0].id -gt [long]$u.items[1].id");

        run.AssertNoErrors();
        // core_id is a string in Totara's answers; Int! fields are numbers.
        Assert.Equal(["2", "True", "String", "Int64", "True"], run.OutputText());
    }

    [Fact]
    public void All_follows_the_cursor_over_several_pages()
    {
        const string query =
            "query all_users($cursor: String) { core_user_users(query: { pagination: { cursor: $cursor, limit: 4 }, filters: { status: ALL } }) { items { id username } total next_cursor } }";
        var requestsBefore = site.RequestCount;

        var run = shell.Run(
            "$users = @(Invoke-TotaraGraphQL -Query $q -All -ListField core_user_users); $users.Count; $ids = [System.Collections.Generic.HashSet[string]]::new(); $users | ForEach-Object { [void]$ids.Add($_.id) }; $ids.Count; " + CountUsers,
            ("q", query));

        run.AssertNoErrors();
        var counts = run.OutputText().Select(int.Parse).ToArray();
        Assert.True(counts[2] > 8, $"The demo data should span several pages of 4; it has {counts[2]} users.");
        Assert.Equal(counts[2], counts[0]);
        Assert.Equal(counts[2], counts[1]);
        Assert.True(site.RequestCount - requestsBefore >= counts[2] / 4, "Each page is one request.");
    }

    [Fact]
    public void A_GraphQL_error_is_a_non_terminating_error_record_with_the_alias_path_as_target()
    {
        var existing = NewUser();
        const string twoCreates =
            "mutation two($good: core_user_create_user_input!, $dup: core_user_create_user_input!) { " +
            "good: core_user_create_user(input: $good) { user { username } } again: core_user_create_user(input: $dup) { user { username } } }";
        shell.Run("Invoke-TotaraGraphQL -Query $q -Variables @{ input = $u } | Out-Null", ("q", CreateUser), ("u", existing)).AssertNoErrors();

        var run = shell.Run("Invoke-TotaraGraphQL -Query $q -Variables @{ good = $g; dup = $d }; 'after'",
            ("q", twoCreates), ("g", NewUser()), ("d", existing));

        // Totara's root fields are non-null, so one failed alias nulls the whole data; the command goes on.
        Assert.Equal(["after"], run.OutputText());
        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraGraphQLError,", error.FullyQualifiedErrorId);
        Assert.Equal("again", error.TargetObject);
        Assert.Equal("Totara.PowerShell.Infrastructure.TotaraGraphQLErrorException", error.Exception.GetType().FullName);
        Assert.Contains((string)existing["username"]!, error.Exception.Message);
        var category = PSObject.AsPSObject(error.Exception).Value<string>("Category");
        Assert.False(string.IsNullOrEmpty(category));
        Assert.Equal(category, error.CategoryInfo.Reason);
    }

    private const string TwoFailingLookups =
        "query { a: core_user_user(reference: {username: \"nobody-a\"}) { user { id } } b: core_user_user(reference: {username: \"nobody-b\"}) { user { id } } }";

    [Fact]
    public void A_document_the_site_refuses_gives_one_error_record_per_GraphQL_error()
    {
        var run = shell.Run($"Invoke-TotaraGraphQL -Query '{TwoFailingLookups}'; 'after'");

        Assert.Equal(["after"], run.OutputText());
        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, error => Assert.StartsWith("TotaraGraphQLError,", error.FullyQualifiedErrorId));
    }

    [Fact]
    public void A_field_the_site_would_drop_silently_is_named_in_a_warning_before_sending()
    {
        var run = shell.Run(
            "Invoke-TotaraGraphQL -Query 'query { totara_webapi_status { status no_such_field } }' -WarningVariable w -WarningAction SilentlyContinue | ForEach-Object { $_.totara_webapi_status.status }; @($w).Count; $w[0].Message");

        run.AssertNoErrors();
        Assert.Equal(["ok", "1", "The site would silently drop 'totara_webapi_status.no_such_field': type totara_webapi_status has no field 'no_such_field'."],
            run.OutputText());
    }

    [Fact]
    public void SkipSchemaCheck_sends_the_document_without_a_warning()
    {
        var run = shell.Run(
            "$null = Invoke-TotaraGraphQL -Query 'query { totara_webapi_status { status no_such_field } }' -SkipSchemaCheck -WarningVariable w -WarningAction SilentlyContinue; @($w).Count");

        run.AssertNoErrors();
        Assert.Equal(["0"], run.OutputText());
    }

    [Fact]
    public void WhatIf_sends_no_mutation()
    {
        var mutationsBefore = site.MutationsExecuted;
        var requestsBefore = site.RequestCount;

        var run = shell.Run("Invoke-TotaraGraphQL -Query $q -Variables @{ input = $u } -WhatIf", ("q", CreateUser), ("u", NewUser()));

        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Equal(mutationsBefore, site.MutationsExecuted);
        Assert.Equal(requestsBefore, site.RequestCount);
    }

    [Fact]
    public void A_mutation_runs_without_WhatIf()
    {
        var user = NewUser();
        var mutationsBefore = site.MutationsExecuted;

        var run = shell.Run("(Invoke-TotaraGraphQL -Query $q -Variables @{ input = $u }).core_user_create_user.user.username", ("q", CreateUser), ("u", user));

        run.AssertNoErrors();
        Assert.Equal([(string)user["username"]!], run.OutputText());
        Assert.True(site.MutationsExecuted > mutationsBefore);
    }

    [Fact]
    public void WhatIf_on_a_query_still_runs_it()
    {
        var run = shell.Run("(Invoke-TotaraGraphQL 'query { totara_webapi_status { status } }' -WhatIf).totara_webapi_status.status");

        run.AssertNoErrors();
        Assert.Equal(["ok"], run.OutputText());
    }

    [Fact]
    public void Raw_returns_the_whole_response()
    {
        var run = shell.Run(
            "$r = Invoke-TotaraGraphQL -Query 'query { totara_webapi_status { status } }' -Raw; $r.PSObject.Properties.Name -join ','; $r.data.totara_webapi_status.status; @($r.errors).Count");

        run.AssertNoErrors();
        Assert.Equal(["data,errors,extensions", "ok", "0"], run.OutputText());
    }

    [Fact]
    public void Raw_leaves_GraphQL_errors_in_the_response_instead_of_writing_error_records()
    {
        var run = shell.Run($"$r = Invoke-TotaraGraphQL -Query '{TwoFailingLookups}' -Raw; @($r.errors).Count; $r.errors[0].path[0]");

        run.AssertNoErrors();
        Assert.Equal(["2", "a"], run.OutputText());
    }

    [Fact]
    public void A_SecureString_variable_is_refused_before_anything_is_sent()
    {
        var requestsBefore = site.RequestCount;

        var run = shell.Run("Invoke-TotaraGraphQL -Query 'query q($s: String) { totara_webapi_status { status } }' -Variables @{ s = $secret }", site.Variables());

        var error = Assert.Single(run.Errors);
        Assert.StartsWith("TotaraInvalidVariable,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("'s'", error.Exception.Message);
        Assert.Equal(requestsBefore, site.RequestCount);
    }

    private static Dictionary<string, object?> NewUser()
    {
        var name = "ps" + Guid.NewGuid().ToString("N")[..12];
        return new() { ["username"] = name, ["firstname"] = "Pat", ["lastname"] = "Tester", ["email"] = name + "@example.com", ["password"] = "Pw!" + Guid.NewGuid().ToString("N") + "Aa1" };
    }
}
