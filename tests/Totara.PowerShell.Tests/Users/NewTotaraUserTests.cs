using System.Management.Automation;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Users;

/// <summary>New-TotaraUser: property binding from CSV and AD objects, bulk batching, per-record errors, duplicates, -WhatIf, progress.</summary>
public sealed class NewTotaraUserTests : IClassFixture<EmulatorRunspaceFixture>
{
    private static readonly Dictionary<string, object?> Password = new() { ["Password"] = SecureStrings.From("Passw0rd!") };

    private readonly EmulatorRunspaceFixture _site;

    public NewTotaraUserTests(EmulatorRunspaceFixture site) => _site = site;

    [Fact]
    public void Creates_one_user_from_parameters_with_password_and_custom_field()
    {
        var name = UserTestData.UniqueName("one");
        using var ps = _site.NewConnectedRunspace();

        var user = ps.Run("""
            param($Name, $Password)
            New-TotaraUser -Username $Name -FirstName Ann -LastName Lee -Email "$Name@example.com" -Password $Password `
                -Department Sales -CustomField @{ costcentre = 'CC7' }
            """, new() { ["Name"] = name, ["Password"] = Password["Password"] }).AssertNoErrors().Users().Single();

        var stored = _site.Stored(name)!;
        Assert.Equal(stored.Id, user.Id());
        Assert.Equal("Sales", stored.Department);
        Assert.Equal("CC7", stored.CustomFields["costcentre"]);
        Assert.True(stored.HasPassword);
    }

    [Fact]
    public void CSV_rows_and_AD_objects_bind_by_property_name_and_the_run_is_batched()
    {
        var prefix = UserTestData.UniqueName("bulk");
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($Prefix, $Password)
            $rows = 1..60 | ForEach-Object {
                [pscustomobject]@{ Username = "$Prefix-csv$_"; FirstName = 'Csv'; LastName = "Row$_"; Email = "$Prefix-csv$_@example.com"
                                   EmployeeID = "$Prefix-E$_"; Department = ''; City = 'Auckland'; Country = 'nz' }
            }
            $ad = 1..3 | ForEach-Object {
                [pscustomobject]@{ SamAccountName = "$Prefix-AD$_"; GivenName = 'Ad'; Surname = "User$_"; EmailAddress = "$Prefix-ad$_@example.com"
                                   EmployeeNumber = "$Prefix-N$_"; Company = 'Acme'; l = 'Paris'; c = 'FR'; telephoneNumber = '+33 1'
                                   MobilePhone = '+33 6'; StreetAddress = '1 Rue'; Title = 'Engineer'; Enabled = $true }
            }
            @($rows) + @($ad) | New-TotaraUser -Password $Password
            """, new() { ["Prefix"] = prefix, ["Password"] = Password["Password"] }).AssertNoErrors();

        var users = result.Users();
        Assert.Equal(63, users.Count);
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"{prefix}-csv{i}").Concat(Enumerable.Range(1, 3).Select(i => $"{prefix}-ad{i}")),
            users.Select(u => u.Username())); // input order, AD names lower-cased
        var csv = _site.Stored($"{prefix}-csv7")!;
        Assert.Equal(($"{prefix}-E7", "Auckland", "NZ", "Row7"), (csv.IdNumber, csv.City, csv.Country, csv.LastName));
        Assert.Null(csv.Department); // an empty CSV cell is not sent
        var ad = _site.Stored($"{prefix}-ad2")!;
        Assert.Equal(("Ad", "User2", $"{prefix}-N2", "Acme", "Paris", "FR", "+33 1", "+33 6", "1 Rue"),
            (ad.FirstName, ad.LastName, ad.IdNumber, ad.Institution, ad.City, ad.Country, ad.Phone1, ad.Phone2, ad.Address));
        Assert.Equal(63, _site.Host.Counters.MutationsExecuted);
        Assert.True(_site.Host.Counters.Requests <= 3, $"{_site.Host.Counters.Requests} requests for 63 users: not batched.");
    }

    [Fact]
    public void A_failing_record_is_an_error_naming_the_record_and_field_with_the_input_as_target_and_the_rest_are_applied()
    {
        var prefix = UserTestData.UniqueName("fail");
        var taken = UserTestData.UniqueName("taken");
        _site.Seed(taken);
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Prefix, $Taken, $Password)
            $script:rows = @(
                [pscustomobject]@{ Username = "$Prefix-a"; FirstName = 'A'; LastName = 'One'; Email = "$Prefix-a@example.com" }
                [pscustomobject]@{ Username = "$Prefix-b"; FirstName = 'B'; LastName = 'Two'; Email = "$Taken@example.com" }
                [pscustomobject]@{ Username = "$Prefix-c"; FirstName = 'C'; LastName = 'Three'; Email = "$Prefix-c@example.com" }
                [pscustomobject]@{ Username = "$Prefix-d"; FirstName = 'D'; LastName = 'Four'; Email = 'not-an-email' }
            )
            $script:rows | New-TotaraUser -Password $Password
            """, new() { ["Prefix"] = prefix, ["Taken"] = taken, ["Password"] = Password["Password"] });

        Assert.Equal(new[] { $"{prefix}-a", $"{prefix}-c" }, result.Users().Select(u => u.Username()));
        Assert.NotNull(_site.Stored($"{prefix}-a"));
        Assert.NotNull(_site.Stored($"{prefix}-c"));
        Assert.Null(_site.Stored($"{prefix}-b"));
        Assert.Equal(2, result.Errors.Count);

        var siteError = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("TotaraRecordFailed,"));
        Assert.Contains("Record 2", siteError.Exception.Message);
        Assert.Contains($"{prefix}-b", siteError.Exception.Message);
        Assert.Contains("field Email", siteError.Exception.Message);
        Assert.Contains("Email address already exists", siteError.Exception.Message);
        Assert.Equal($"{prefix}-b", PSObject.AsPSObject(siteError.TargetObject).Properties["Username"].Value);

        var refused = result.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("TotaraInvalidInput,"));
        Assert.Contains("Record 4", refused.Exception.Message);
        Assert.Contains("field Email", refused.Exception.Message);
        Assert.Equal($"{prefix}-d", PSObject.AsPSObject(refused.TargetObject).Properties["Username"].Value);
        Assert.Equal(ErrorCategory.InvalidData, refused.CategoryInfo.Category);
    }

    [Fact]
    public void Rerunning_an_import_already_applied_sends_no_create_and_each_record_is_the_sites_exists_error()
    {
        var prefix = UserTestData.UniqueName("rerun");
        using var ps = _site.NewConnectedRunspace();
        const string import = """
            param($Prefix, $Password)
            $script:rows = 1..5 | ForEach-Object { [pscustomobject]@{ Username = "$Prefix-$_"; FirstName = 'R'; LastName = "Run$_"; Email = "$Prefix-$_@example.com" } }
            $script:rows | New-TotaraUser -Password $Password
            """;
        var arguments = new Dictionary<string, object?> { ["Prefix"] = prefix, ["Password"] = Password["Password"] };
        ps.Run(import, arguments).AssertNoErrors();
        _site.Host.Counters.Reset();

        var rerun = ps.Run(import, arguments);

        Assert.Empty(rerun.Users());
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, _site.Host.Counters.Requests);
        Assert.Equal(5, rerun.Errors.Count);
        for (var i = 0; i < 5; i++)
        {
            var error = rerun.Errors[i];
            Assert.StartsWith("TotaraRecordFailed,", error.FullyQualifiedErrorId);
            Assert.Contains($"Record {i + 1}", error.Exception.Message);
            Assert.Contains("field Username", error.Exception.Message);
            Assert.Contains($"Username already exists: {prefix}-{i + 1}", error.Exception.Message);
            Assert.Equal($"{prefix}-{i + 1}", PSObject.AsPSObject(error.TargetObject).Properties["Username"].Value);
        }
    }

    [Fact]
    public void A_duplicate_key_within_the_input_is_refused_before_sending_and_the_first_goes_ahead()
    {
        var prefix = UserTestData.UniqueName("dup");
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($Prefix, $Password)
            @(
                [pscustomobject]@{ Username = "$Prefix-x"; FirstName = 'X'; LastName = 'First'; Email = "$Prefix-x@example.com" }
                [pscustomobject]@{ Username = "$Prefix-X"; FirstName = 'X'; LastName = 'Again'; Email = "$Prefix-other@example.com" }
                [pscustomobject]@{ Username = "$Prefix-y"; FirstName = 'Y'; LastName = 'Mail'; Email = "$Prefix-X@EXAMPLE.com" }
            ) | New-TotaraUser -Password $Password
            """, new() { ["Prefix"] = prefix, ["Password"] = Password["Password"] });

        Assert.Equal($"{prefix}-x", Assert.Single(result.Users()).Username());
        Assert.Equal("First", _site.Stored($"{prefix}-x")!.LastName);
        Assert.Null(_site.Stored($"{prefix}-y"));
        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.StartsWith("TotaraDuplicateInput,", e.FullyQualifiedErrorId));
        Assert.Contains("username", result.Errors[0].Exception.Message);
        Assert.Contains("record 1", result.Errors[0].Exception.Message);
        Assert.Contains("Record 3", result.Errors[1].Exception.Message);
        Assert.Contains("field Email", result.Errors[1].Exception.Message);
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
    }

    [Fact]
    public void WhatIf_sends_nothing()
    {
        var prefix = UserTestData.UniqueName("whatif");
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();

        var result = ps.Run("""
            param($Prefix, $Password)
            1..5 | ForEach-Object { [pscustomobject]@{ Username = "$Prefix-$_"; FirstName = 'W'; LastName = 'If'; Email = "$Prefix-$_@example.com" } } |
                New-TotaraUser -Password $Password -WhatIf
            """, new() { ["Prefix"] = prefix, ["Password"] = Password["Password"] }).AssertNoErrors();

        Assert.Empty(result.Users());
        Assert.Equal(0, _site.Host.Counters.Requests);
        Assert.Equal(0, _site.Host.Counters.MutationsExecuted);
        Assert.Null(_site.Stored($"{prefix}-1"));
    }

    [Fact]
    public void A_run_writes_progress_and_a_summary()
    {
        var prefix = UserTestData.UniqueName("prog");
        using var ps = _site.NewConnectedRunspace();

        var result = ps.Run("""
            param($Prefix, $Password)
            1..3 | ForEach-Object { [pscustomobject]@{ Username = "$Prefix-$_"; FirstName = 'P'; LastName = 'R'; Email = "$Prefix-$_@example.com" } } |
                New-TotaraUser -Password $Password -Verbose
            """, new() { ["Prefix"] = prefix, ["Password"] = Password["Password"] }).AssertNoErrors();

        Assert.Contains(result.Progress, p => p.Activity == "Creating Totara users" && p.StatusDescription.Contains("3 record(s) sent"));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
        Assert.Contains(result.Verbose, v => v.Contains("3 succeeded"));
    }

    [Fact]
    public void A_lost_answer_to_a_create_does_not_duplicate_the_user()
    {
        var name = UserTestData.UniqueName("lost");
        using var ps = _site.NewConnectedRunspace();
        _site.Host.Counters.Reset();
        // The first request reads which usernames exist; the create is the second.
        _site.Host.Switches.EnqueueFaults(Totara.Emulator.FaultKind.None, Totara.Emulator.FaultKind.DropAfterExecute);

        var user = ps.Run("""
            param($Name, $Password)
            New-TotaraUser -Username $Name -FirstName L -LastName Ost -Email "$Name@example.com" -Password $Password
            """, new() { ["Name"] = name, ["Password"] = Password["Password"] }).AssertNoErrors().Users().Single();

        Assert.Equal(_site.Stored(name)!.Id, user.Id());
        Assert.Equal(1, _site.Host.Counters.MutationsExecuted);
        Assert.Equal(1, _site.Host.Counters.ConnectionsDropped);
    }
}
