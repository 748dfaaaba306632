using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Users;

/// <summary>Get-TotaraUser against the emulator over HTTP: identity forms, listing, paging and -Property.</summary>
public sealed class GetTotaraUserTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public GetTotaraUserTests(EmulatorRunspaceFixture site) => _site = site;

    private int ActiveCount => _site.Host.State.Users.Snapshot(u => !u.Suspended && !u.Deleted).Count;

    [Fact]
    public void Identity_accepts_an_id_a_username_an_idnumber_an_email_and_objects()
    {
        var name = UserTestData.UniqueName("ident");
        var seeded = _site.Seed(name);
        using var ps = _site.NewConnectedRunspace();

        var users = ps.Run("""
            param($Id, $Name, $IdNumber, $Email)
            Get-TotaraUser -Identity $Id
            Get-TotaraUser -Identity $Name.ToUpper()
            Get-TotaraUser $IdNumber
            Get-TotaraUser $Email
            [pscustomobject]@{ Username = $Name } | Get-TotaraUser
            @{ IdNumber = $IdNumber } | Get-TotaraUser
            [pscustomobject]@{ Id = "$Id"; Username = 'ignored-when-id-is-given' } | Get-TotaraUser
            Get-TotaraUser $Name | Get-TotaraUser
            """, UserTestData.Params(("Id", seeded.Id), ("Name", name), ("IdNumber", seeded.IdNumber), ("Email", seeded.Email)))
            .AssertNoErrors().Users();

        Assert.Equal(8, users.Count);
        Assert.All(users, user => Assert.Equal(seeded.Id, user.Id()));
        Assert.All(users, user => Assert.Equal(name, user.Username()));
        Assert.Equal(name, users[0].BaseObject.ToString());
    }

    [Fact]
    public void A_user_that_does_not_exist_is_a_non_terminating_error_naming_the_identity()
    {
        var name = UserTestData.UniqueName("known");
        _site.Seed(name);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("param($Name) Get-TotaraUser -Identity 'nobody-here', $Name", UserTestData.Params(("Name", name)));

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraUserNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Contains("username 'nobody-here' or idnumber 'nobody-here'", error.Exception.Message);
        Assert.Equal("nobody-here", error.TargetObject);
        Assert.Equal(name, Assert.Single(result.Users()).Username()); // the rest went on
    }

    [Fact]
    public void Listing_streams_every_active_user_across_pages()
    {
        using var ps = _site.NewConnectedRunspace();
        var expected = ActiveCount;
        _site.Host.Counters.Reset();

        // A small complexity limit makes small pages, so the stream must follow several cursors.
        var users = ps.Run("""
            param($Url, $Id, $Secret)
            $small = Connect-Totara -Url $Url -ClientId $Id -ClientSecret $Secret -MaxComplexity 600 -PassThru
            Get-TotaraUser -Session $small
            """, UserTestData.Params(("Url", _site.Url), ("Id", EmulatorRunspaceFixture.ClientId), ("Secret", SecureStrings.From(_site.ClientSecret))))
            .AssertNoErrors().Users();

        Assert.Equal(expected, users.Count);
        Assert.All(users, user => Assert.Equal(false, user.Get("Suspended")));
        Assert.Equal(users.Count, users.Select(u => u.Id()).Distinct().Count());
        Assert.True(_site.Host.Counters.Requests > 3, $"Only {_site.Host.Counters.Requests} requests: the list was not paged.");
    }

    [Fact]
    public void Status_Suspended_lists_only_suspended_users_and_sort_can_descend()
    {
        var name = UserTestData.UniqueName("susp");
        _site.Seed(name, u => u.Suspended = true);
        using var ps = _site.NewConnectedRunspace();

        var users = ps.Run("Get-TotaraUser -Status Suspended -Sort Id -Descending").AssertNoErrors().Users();

        Assert.Contains(users, u => u.Username() == name);
        Assert.All(users, user => Assert.Equal(true, user.Get("Suspended")));
        Assert.Equal(users.Select(u => u.Id()).OrderByDescending(id => id), users.Select(u => u.Id()));
    }

    [Theory]
    [InlineData("LastName", "")]
    [InlineData("Username", "-Descending")]
    [InlineData("FirstName", "")]
    [InlineData("TimeModified", "-Descending")]
    public void Sort_orders_the_whole_list_by_each_column_the_site_allows(string column, string descending)
    {
        _site.Seed(UserTestData.UniqueName("sortb"), u => u.LastName = "Able");
        _site.Seed(UserTestData.UniqueName("sorta"), u => u.LastName = "zulu");
        using var ps = _site.NewConnectedRunspace();

        var users = ps.Run($"Get-TotaraUser -Sort {column} {descending}").AssertNoErrors().Users();

        Assert.Equal(ActiveCount, users.Count);
        var stored = users.Select(u => _site.Host.State.Users.GetById(u.Id())!).ToList();
        IComparable Key(Totara.Emulator.Domain.UserRecord u) => column switch
        {
            "LastName" => u.LastName.ToUpperInvariant(),
            "FirstName" => u.FirstName.ToUpperInvariant(),
            "Username" => u.Username,
            _ => u.TimeModified,
        };
        var keys = stored.Select(Key).ToList();
        // The site compares text by character codes (case folded), not by a culture's rules.
        var ordinal = Comparer<IComparable>.Create((a, b) => a is string x ? string.CompareOrdinal(x, (string)b) : a.CompareTo(b));
        var expected = descending == "" ? keys.OrderBy(k => k, ordinal).ToList() : keys.OrderByDescending(k => k, ordinal).ToList();
        Assert.Equal(expected, keys);
    }

    [Fact]
    public void First_and_Skip_page_through_the_list_and_IncludeTotalCount_reports_the_total()
    {
        using var ps = _site.NewConnectedRunspace();
        var all = ps.Run("Get-TotaraUser -First 12").AssertNoErrors().Users();
        _site.Host.Counters.Reset();

        var result = ps.Run("Get-TotaraUser -Skip 5 -First 4 -IncludeTotalCount").AssertNoErrors();

        Assert.Equal(12, all.Count);
        Assert.Equal(all.Skip(5).Take(4).Select(u => u.Id()), result.Users().Select(u => u.Id()));
        var total = result.Output.Single(o => o.BaseObject is double or ulong);
        Assert.Equal((ulong)ActiveCount, Convert.ToUInt64(total.BaseObject));
        Assert.Equal(2, _site.Host.Counters.Requests); // the count, then one page: nothing fetched beyond -First
    }

    [Fact]
    public void The_default_asks_only_for_the_default_view_and_Property_asks_for_more()
    {
        var name = UserTestData.UniqueName("prop");
        _site.Seed(name, u => u.CustomFields["costcentre"] = "CC42");
        using var ps = _site.NewConnectedRunspace();

        var plain = ps.Run("param($Name) Get-TotaraUser $Name", UserTestData.Params(("Name", name))).AssertNoErrors().Users().Single();
        var rich = ps.Run("param($Name) Get-TotaraUser $Name -Property Department, City, CustomFields, JobAssignments",
            UserTestData.Params(("Name", name))).AssertNoErrors().Users().Single();

        Assert.Null(plain.Get("Department"));
        Assert.Null(plain.Get("CustomFields"));
        Assert.Null(plain.Get("JobAssignments"));
        Assert.Equal("Seeded", rich.Text("Department"));
        Assert.Equal("Wellington", rich.Text("City"));
        Assert.Equal("CC42", rich.CustomFields()!["costcentre"]);
        Assert.NotNull(rich.Get("JobAssignments"));
    }

    [Fact]
    public void Job_assignments_and_custom_fields_of_demo_users_come_back_with_Property()
    {
        using var ps = _site.NewConnectedRunspace();

        var user = ps.Run("Get-TotaraUser -Identity EMP00005 -Property JobAssignments, CustomFields").AssertNoErrors().Users().Single();

        var jobs = Assert.IsAssignableFrom<Array>(user.Get("JobAssignments"));
        var job = PSObject.AsPSObject(Assert.Single(jobs.Cast<object>()));
        Assert.Equal("JA-EMP00005", job.Properties["IdNumber"].Value);
        Assert.True(user.CustomFields()!.ContainsKey("employmenttype"));
    }
}
