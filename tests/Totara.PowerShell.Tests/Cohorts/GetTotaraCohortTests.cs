using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;
using Totara.PowerShell.Tests.Users;

namespace Totara.PowerShell.Tests.Cohorts;

/// <summary>Get-TotaraCohort against the emulator: by id / idnumber / name, listing across pages; a TotaraCohort as -Cohort.</summary>
public sealed class GetTotaraCohortTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public GetTotaraCohortTests(EmulatorRunspaceFixture site) => _site = site;

    [Fact]
    public void Identity_finds_an_audience_by_id_idnumber_or_name()
    {
        var name = UserTestData.UniqueName("get");
        var cohort = _site.Host.State.Cohorts.Add("Team " + name, "T-" + name);
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("param($Id, $IdNumber, $Name) Get-TotaraCohort $Id; Get-TotaraCohort -Identity $IdNumber; Get-TotaraAudience $Name.ToUpper()",
            UserTestData.Params(("Id", cohort.Id), ("IdNumber", cohort.IdNumber), ("Name", cohort.Name))).AssertNoErrors().Output;

        Assert.Equal(3, output.Count);
        Assert.All(output, o => Assert.Equal(cohort.Id, (long)o.Get("Id")!));
        Assert.All(output, o => Assert.Equal("STATIC", o.Get("Type")));
    }

    [Fact]
    public void An_unknown_audience_is_a_non_terminating_error()
    {
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("Get-TotaraCohort -Identity 'missing-audience'");

        var error = Assert.Single(result.Errors);
        Assert.StartsWith("TotaraCohortNotFound,", error.FullyQualifiedErrorId);
        Assert.Equal("missing-audience", error.TargetObject);
    }

    [Fact]
    public void Listing_streams_every_static_audience_across_pages()
    {
        for (var i = 0; i < 30; i++) _site.Host.State.Cohorts.Add("List " + UserTestData.UniqueName("l"), null);
        _site.Host.State.Cohorts.Add("Dynamic " + UserTestData.UniqueName("d"), null, isDynamic: true);
        var expected = _site.Host.State.Cohorts.StaticCohorts().Count;
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var output = ps.Run("""
            param($Url, $Id, $Secret)
            $small = Connect-Totara -Url $Url -ClientId $Id -ClientSecret $Secret -MaxComplexity 100 -PassThru
            Get-TotaraCohort -Session $small
            """, UserTestData.Params(("Url", _site.Url), ("Id", EmulatorRunspaceFixture.ClientId), ("Secret", SecureStrings.From(_site.ClientSecret))))
            .AssertNoErrors().Output;

        Assert.Equal(expected, output.Count);
        Assert.Equal(expected, output.Select(o => (long)o.Get("Id")!).Distinct().Count());
        Assert.True(_site.Host.Counters.Requests > 3, $"Only {_site.Host.Counters.Requests} requests: the list was not paged.");
    }

    [Fact]
    public void A_cohort_object_pipes_into_the_member_cmdlets()
    {
        var name = UserTestData.UniqueName("obj");
        var cohort = _site.Host.State.Cohorts.Add("Obj " + name, null);
        var user = _site.Seed(UserTestData.UniqueName("ou"));
        using var ps = _site.NewConnectedRunspace();

        var output = ps.Run("param($Id, $User) $c = Get-TotaraCohort $Id; Add-TotaraCohortMember -Cohort $c -User $User",
            UserTestData.Params(("Id", cohort.Id), ("User", user.Username))).AssertNoErrors().Output;

        Assert.Equal("Added", Assert.Single(output).Get("Result")!.ToString());
        Assert.True(_site.Host.State.Cohorts.IsMember(cohort.Id, user.Id));
    }
}
