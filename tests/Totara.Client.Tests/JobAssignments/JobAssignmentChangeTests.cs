using Totara.Client.JobAssignments;
using Totara.Client.Users;

namespace Totara.Client.Tests.JobAssignments;

public sealed class JobAssignmentChangeTests
{
    [Fact]
    public void Only_the_fields_set_are_sent_with_references_as_objects_and_dates_as_unix_seconds()
    {
        var start = new DateTimeOffset(2024, 1, 2, 0, 0, 0, TimeSpan.Zero);
        var change = new JobAssignmentChange()
            .SetFullName("Analyst")
            .SetStartDate(start)
            .SetPosition("POS1")
            .SetManager(JobAssignmentReference.ByIdNumber(UserReference.ByIdNumber("E1"), "J1"))
            .SetAppraiser(UserReference.ByUsername("Boss"));

        var input = change.ToInput();

        Assert.Equal(new[] { "fullname", "start_date", "position", "manager", "appraiser" }, input.Keys);
        Assert.Equal("Analyst", input["fullname"]);
        Assert.Equal(start.ToUnixTimeSeconds().ToString(), input["start_date"]);
        Assert.Equal("POS1", ((IDictionary<string, object?>)input["position"]!)["idnumber"]);
        var manager = (IDictionary<string, object?>)input["manager"]!;
        Assert.Equal("J1", manager["idnumber"]);
        Assert.Equal("E1", ((IDictionary<string, object?>)manager["user"]!)["idnumber"]);
        Assert.Equal("boss", ((IDictionary<string, object?>)input["appraiser"]!)["username"]);
    }

    [Fact]
    public void Null_clears_a_field_by_sending_null_and_an_untouched_field_is_not_sent()
    {
        var change = new JobAssignmentChange().SetManager(null).SetPosition("  ").SetEndDate(null);

        var input = change.ToInput();

        Assert.Equal(3, input.Count);
        Assert.All(input.Values, Assert.Null);
        Assert.True(change.IsSet("manager"));
        Assert.False(change.IsSet("organisation"));
        Assert.Equal("fields: manager, position, end_date", change.ToString());
    }

    [Fact]
    public void References_name_themselves_for_messages_and_refuse_empty_keys()
    {
        Assert.Equal("job assignment 'J1' of user idnumber 'E1'", JobAssignmentReference.ByIdNumber(UserReference.ByIdNumber("E1"), "J1").ToString());
        Assert.Equal("job assignment id 7", JobAssignmentReference.ById(7).ToString());
        Assert.Throws<ArgumentException>(() => JobAssignmentReference.ByIdNumber(" "));
        Assert.Throws<ArgumentException>(() => new JobAssignmentChange().SetIdNumber(""));
        Assert.Equal(new Dictionary<string, object?> { ["id"] = 7L }, JobAssignmentReference.ById(7).ToInput());
    }

    [Fact]
    public void The_read_cost_counts_every_field_of_the_selection()
    {
        // id idnumber fullname shortname startdate enddate (6), user + 4, position + 3, organisation + 3,
        // managerja + id idnumber user + 3 (7), tempmanagerja 7, tempmanagerexpirydate, appraiser + 3.
        Assert.Equal(6 + 5 + 4 + 4 + 7 + 7 + 1 + 4, JobAssignmentData.Cost);
    }
}
