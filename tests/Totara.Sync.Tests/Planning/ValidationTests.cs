using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Planning;

public sealed class ValidationTests
{
    [Fact]
    public void Every_row_sharing_a_key_is_refused_and_each_error_names_the_other_row()
    {
        var a = Row("E1", username: "a", email: "a@example.com", number: 1);
        var b = Row("E1", username: "b", email: "b@example.com", number: 2);
        var c = Row("E3", username: "c", email: "dup@example.com", number: 3);
        var d = Row("E4", username: "d", email: "DUP@example.com", number: 4);
        var ok = Row("E5", number: 5);

        var result = SourceValidator.Validate(new[] { a, b, c, d, ok }, new SyncOptions());

        Assert.Equal(new[] { ok }, result.Valid);
        Assert.Equal(new[] { 1, 2, 3, 4 }, result.Problems.Select(p => p.RowNumber));
        Assert.Contains("also row 2", result.Problems[0].Message);
        Assert.Contains("first in row 1", result.Problems[1].Message);
        Assert.Equal("email", result.Problems[3].Field);
    }

    [Fact]
    public void Rows_without_the_key_or_with_malformed_values_are_refused_naming_the_field()
    {
        var noKey = new SourceUser(1).Set("username", "x").Set("idnumber", "");
        var badUser = Row("E2", username: "Bad User!", number: 2);
        var badCountry = Row("E3", number: 3).Set("country", "Atlantis");

        var result = SourceValidator.Validate(new[] { noKey, badUser, badCountry }, new SyncOptions());

        Assert.Empty(result.Valid);
        Assert.Equal(new[] { ("idnumber", 1), ("username", 2), ("country", 3) }, result.Problems.Select(p => (p.Field!, p.RowNumber)));
        Assert.Contains("-MatchOn IdNumber", result.Problems[0].Message);
    }

    [Theory]
    [InlineData("a..b@x..example.com")]
    [InlineData("a..b@example.com")]
    [InlineData(".ann@example.com")]
    [InlineData("ann.@example.com")]
    [InlineData("ann@x..example.com")]
    [InlineData("ann@.example.com")]
    [InlineData("ann@example.com.")]
    [InlineData("ann lee@example.com")]
    [InlineData("ann@localhost")]
    public void Emails_Totara_refuses_are_refused(string email)
    {
        var result = SourceValidator.Validate(new[] { Row("E1", email: email) }, new SyncOptions());

        Assert.Equal(("email", $"email '{email}' is not a valid email address."), (Assert.Single(result.Problems).Field!, result.Problems[0].Message));
    }

    [Theory]
    [InlineData("ann.lee@example.com")]
    [InlineData("o'brien+hr@mail.example.co.nz")]
    [InlineData("ANN_LEE@EXAMPLE.COM")]
    public void Emails_Totara_takes_are_taken(string email)
    {
        Assert.Empty(SourceValidator.Validate(new[] { Row("E1", email: email) }, new SyncOptions()).Problems);
    }

    [Fact]
    public void Lengths_count_characters_as_Totara_does_not_UTF16_units()
    {
        // 100 characters outside the BMP are 200 UTF-16 units; Totara (mb_strlen) counts 100, its limit for firstname.
        var hundred = string.Concat(Enumerable.Repeat("\U0001F600", 100));
        Assert.Empty(SourceValidator.Validate(new[] { Row("E1", first: hundred) }, new SyncOptions()).Problems);

        var tooLong = SourceValidator.Validate(new[] { Row("E2", first: hundred + "é") }, new SyncOptions());
        Assert.Equal("firstname is 101 characters long; at most 100 are allowed.", Assert.Single(tooLong.Problems).Message);
    }

    [Fact]
    public void Erase_refuses_an_empty_required_field()
    {
        var row = Row("E1").Set("lastname", "");
        var result = SourceValidator.Validate(new[] { row }, new SyncOptions { EmptyFieldAction = EmptyFieldAction.Erase });

        Assert.Equal("lastname", Assert.Single(result.Problems).Field);
    }

    [Theory]
    [InlineData("25", false, 25)]
    [InlineData("5%", true, 5)]
    [InlineData(" 12.5 % ", true, 12.5)]
    public void Removal_limits_read_counts_and_percentages(string text, bool percent, double value)
    {
        var limit = RemovalLimit.Parse(text);
        Assert.Equal((percent, value), (limit.IsPercent, limit.Value));
    }

    [Fact]
    public void The_guard_stops_a_plan_over_the_limit_unless_forced()
    {
        var site = Enumerable.Range(1, 40).Select(i => Site(100 + i, "E" + i)).ToList();
        var rows = site.Take(37).Select(s => Row(s.Get(SyncFields.IdNumber))).ToList();

        var plan = Plan(rows, site, new SyncOptions { SourceIsComplete = true });   // 3 of 40 > 5% (2)
        var stopped = Assert.Throws<SyncGuardException>(() => RemovalGuard.Check(plan));
        Assert.Equal((3, 2, 40), (stopped.Removals, stopped.Allowed, stopped.SiteUsers));
        Assert.Contains("Nothing was changed", stopped.Message);

        RemovalGuard.Check(Plan(rows, site, new SyncOptions { SourceIsComplete = true, Force = true }));
        RemovalGuard.Check(Plan(rows, site, new SyncOptions { SourceIsComplete = true, MaxRemovals = RemovalLimit.Count(3) }));
    }
}
