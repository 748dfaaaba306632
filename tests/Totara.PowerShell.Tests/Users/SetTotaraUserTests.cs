using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Users;

/// <summary>Set-TotaraUser: only the fields given are sent, erasing with an explicit empty value, identities, -PassThru.</summary>
public sealed class SetTotaraUserTests : IClassFixture<EmulatorRunspaceFixture>
{
    private readonly EmulatorRunspaceFixture _site;

    public SetTotaraUserTests(EmulatorRunspaceFixture site) => _site = site;

    [Fact]
    public void Without_PassThru_a_change_asks_back_only_the_id_and_with_it_the_default_view()
    {
        var a = UserTestData.UniqueName("cheap");
        var b = UserTestData.UniqueName("cheap");
        _site.Seed(a);
        _site.Seed(b);
        using var ps = _site.NewConnectedRunspace();

        _site.Host.Counters.Reset();
        var quiet = ps.Run("param($A) $A | Set-TotaraUser -City Oslo", UserTestData.Params(("A", a))).AssertNoErrors();
        var quietPoints = _site.Host.Counters.PointsSpent;
        _site.Host.Counters.Reset();
        var loud = ps.Run("param($B) $B | Set-TotaraUser -City Oslo -PassThru", UserTestData.Params(("B", b))).AssertNoErrors();
        var loudPoints = _site.Host.Counters.PointsSpent;

        Assert.Empty(quiet.Output);
        Assert.Equal(10 + 1 + 1, quietPoints);        // the mutation, user, id
        Assert.Equal(10 + 1 + 7, loudPoints);         // the mutation, user, the default view's seven fields
        Assert.Equal(b, Assert.Single(loud.Users()).Username());
        Assert.Equal("Oslo", _site.Stored(a)!.City);
        Assert.Equal("Oslo", _site.Stored(b)!.City);
    }

    [Fact]
    public void Only_the_given_fields_change()
    {
        var name = UserTestData.UniqueName("only");
        _site.Seed(name, u => u.CustomFields["costcentre"] = "CC1");
        using var ps = _site.NewConnectedRunspace();

        ps.Run("param($Name) Set-TotaraUser -Identity $Name -Department Finance -CustomField @{ employmenttype = 'Contractor' }",
            UserTestData.Params(("Name", name))).AssertNoErrors();

        var stored = _site.Stored(name)!;
        Assert.Equal("Finance", stored.Department);
        Assert.Equal("Wellington", stored.City);      // not given: kept
        Assert.Equal("Seed", stored.FirstName);
        Assert.Equal("CC1", stored.CustomFields["costcentre"]);
        Assert.Equal("Contractor", stored.CustomFields["employmenttype"]);
    }

    [Fact]
    public void A_piped_TotaraUser_names_the_user_and_its_other_properties_are_not_sent_again()
    {
        var name = UserTestData.UniqueName("piped");
        _site.Seed(name);
        using var ps = _site.NewConnectedRunspace();
        var before = ps.Run("param($Name) Get-TotaraUser $Name", UserTestData.Params(("Name", name))).AssertNoErrors();

        // Another writer changes the first name after it was read: the pipeline must not put the old one back.
        _site.Host.State.Users.GetByUsername(name)!.FirstName = "Changed";
        var result = ps.Run("param($User) $User | Set-TotaraUser -City Dunedin -PassThru",
            new() { ["User"] = before.Users().Single() }).AssertNoErrors();

        var stored = _site.Stored(name)!;
        Assert.Equal(("Changed", "Dunedin"), (stored.FirstName, stored.City));
        Assert.Equal(stored.Id, result.Users().Single().Id());
    }

    [Fact]
    public void An_explicit_empty_value_erases_and_a_null_custom_field_deletes()
    {
        var name = UserTestData.UniqueName("erase");
        _site.Seed(name, u => u.CustomFields["costcentre"] = "CC9");
        using var ps = _site.NewConnectedRunspace();

        ps.Run("param($Name) Set-TotaraUser $Name -City '' -CustomField @{ costcentre = $null }", UserTestData.Params(("Name", name)))
            .AssertNoErrors();

        var stored = _site.Stored(name)!;
        Assert.True(string.IsNullOrEmpty(stored.City));
        Assert.False(stored.CustomFields.ContainsKey("costcentre"));
    }

    [Fact]
    public void CSV_rows_update_by_username_or_employee_id_and_a_string_falls_back_to_idnumber()
    {
        var a = UserTestData.UniqueName("rowa");
        var b = UserTestData.UniqueName("rowb");
        _site.Seed(a);
        var seededB = _site.Seed(b);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($A, $BIdNumber)
            @(
                [pscustomobject]@{ Username = $A; Department = 'Ops'; City = '' }
                [pscustomobject]@{ EmployeeID = $BIdNumber; Department = 'Legal' }
            ) | Set-TotaraUser -PassThru
            Set-TotaraUser -Identity $BIdNumber -Institution 'Acme' -PassThru
            """, UserTestData.Params(("A", a), ("BIdNumber", seededB.IdNumber))).AssertNoErrors();

        Assert.Equal(new[] { a, b, b }, result.Users().Select(u => u.Username()));
        Assert.Equal(("Ops", "Wellington"), (_site.Stored(a)!.Department, _site.Stored(a)!.City)); // empty cell kept
        Assert.Equal(("Legal", "Acme"), (_site.Stored(b)!.Department, _site.Stored(b)!.Institution));
    }

    [Fact]
    public void Renaming_and_an_unknown_user_and_nothing_to_change_are_reported_per_record()
    {
        var name = UserTestData.UniqueName("ren");
        var seeded = _site.Seed(name);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Name, $NewName)
            Set-TotaraUser -Identity $Name -NewUsername $NewName -PassThru
            Set-TotaraUser -Identity 'no-such-user' -Department X
            Set-TotaraUser -Identity $NewName
            """, UserTestData.Params(("Name", name), ("NewName", name + "-new")));

        Assert.Equal(name + "-new", result.Users().Single().Username());
        Assert.Equal(name + "-new", _site.Host.State.Users.GetById(seeded.Id)!.Username);
        Assert.Equal(2, result.Errors.Count);
        Assert.StartsWith("TotaraUserNotFound,", result.Errors[0].FullyQualifiedErrorId);
        Assert.Contains("no-such-user", result.Errors[0].Exception.Message);
        Assert.StartsWith("TotaraInvalidInput,", result.Errors[1].FullyQualifiedErrorId);
        Assert.Contains("nothing to change", result.Errors[1].Exception.Message);
    }
}
