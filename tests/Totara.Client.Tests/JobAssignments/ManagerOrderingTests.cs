using Totara.Client.JobAssignments;

namespace Totara.Client.Tests.JobAssignments;

/// <summary>Manager-first ordering and cycle detection, without a site.</summary>
public sealed class ManagerOrderingTests
{
    private sealed record Row(string User, string Job, string? ManagerUser = null, string? ManagerJob = null, string? TempUser = null, string? TempJob = null)
    {
        public override string ToString() => User + "/" + Job;
    }

    private static ManagerOrderingResult<Row> Order(params Row[] rows) =>
        ManagerOrdering.Order(rows, r => new JobAssignmentKey(r.User, r.Job), Managers);

    private static IEnumerable<JobAssignmentKey> Managers(Row row)
    {
        if (row.ManagerUser is not null) yield return new JobAssignmentKey(row.ManagerUser, row.ManagerJob);
        if (row.TempUser is not null) yield return new JobAssignmentKey(row.TempUser, row.TempJob);
    }

    private static string Names(IEnumerable<Row> rows) => string.Join(" ", rows.Select(r => r.User));

    [Fact]
    public void Every_record_comes_after_its_manager_and_unrelated_records_keep_their_order()
    {
        var result = Order(
            new Row("c", "1", "b", "1"),
            new Row("x", "1"),
            new Row("b", "1", "a", "1"),
            new Row("y", "1"),
            new Row("a", "1"));

        Assert.False(result.HasCycles);
        Assert.Equal("a b c x y", Names(result.Ordered));
    }

    [Fact]
    public void A_manager_outside_the_set_adds_no_constraint()
    {
        var result = Order(new Row("b", "1", "zz", "1"), new Row("a", "1", "b", "9"), new Row("c", "1"));

        Assert.Equal("b a c", Names(result.Ordered));
    }

    [Fact]
    public void A_manager_named_without_a_job_is_that_users_first_record_in_the_set()
    {
        var result = Order(new Row("w", "1", "m"), new Row("m", "2"), new Row("m", "1"));

        Assert.Equal(new[] { "m/2", "w/1", "m/1" }, result.Ordered.Select(r => r.ToString()));
    }

    [Fact]
    public void Temporary_managers_also_come_first()
    {
        var result = Order(new Row("w", "1", TempUser: "t", TempJob: "1"), new Row("t", "1"));

        Assert.Equal("t w", Names(result.Ordered));
    }

    [Fact]
    public void A_cycle_is_left_out_and_reported_as_its_chain_while_the_rest_is_ordered()
    {
        var result = Order(
            new Row("d", "1", "a", "1"),
            new Row("b", "1", "c", "1"),
            new Row("a", "1", "b", "1"),
            new Row("e", "1"),
            new Row("c", "1", "a", "1"));

        var cycle = Assert.Single(result.Cycles);
        // Starts at the earliest record of the cycle; each is managed by the next, the last by the first.
        Assert.Equal("b c a", Names(cycle));
        Assert.Equal("d e", Names(result.Ordered));
    }

    [Fact]
    public void A_record_managed_by_itself_is_a_cycle_of_one()
    {
        var result = Order(new Row("a", "1", "a", "1"), new Row("b", "1", "a", "1"));

        Assert.Equal("a", Names(Assert.Single(result.Cycles)));
        Assert.Equal("b", Names(result.Ordered));
    }

    [Fact]
    public void Two_separate_cycles_are_reported_in_input_order()
    {
        var result = Order(
            new Row("p", "1", "q", "1"), new Row("a", "1", "b", "1"), new Row("q", "1", "p", "1"), new Row("b", "1", "a", "1"));

        Assert.Equal(new[] { "p q", "a b" }, result.Cycles.Select(Names));
        Assert.Empty(result.Ordered);
    }

    [Fact]
    public void A_ten_thousand_deep_chain_given_staff_first_is_ordered_boss_first_without_recursion()
    {
        const int depth = 10_000;
        // Row i is managed by row i + 1; the top boss comes last in the input.
        var rows = Enumerable.Range(0, depth)
            .Select(i => new Row("u" + i, "1", i + 1 < depth ? "u" + (i + 1) : null, i + 1 < depth ? "1" : null))
            .ToArray();

        var result = Order(rows);

        Assert.False(result.HasCycles);
        Assert.Equal(rows.Reverse(), result.Ordered);
    }

    [Fact]
    public void Duplicate_keys_point_at_the_first_record_with_that_key()
    {
        var result = Order(new Row("w", "1", "m", "1"), new Row("m", "1"), new Row("m", "1"));

        Assert.Equal(3, result.Ordered.Count);
        Assert.Same(result.Ordered[0], result.Ordered.First(r => r.User == "m"));
        Assert.Equal("w", result.Ordered[1].User);
    }
}
