using Totara.Sync.Tests.Support;
using static Totara.Sync.Tests.Support.Rows;

namespace Totara.Sync.Tests.Planning;

public sealed class PlannerTests
{
    [Fact]
    public void New_rows_are_created_changed_fields_only_are_updated_and_equal_rows_plan_nothing()
    {
        var rows = new[] { Row("E1"), Row("E2", first: "Bob"), Row("E3") };
        var site = new[] { Site(10, "E1"), Site(11, "E2", first: "Robert") };

        var plan = Plan(rows, site);

        Assert.Equal(new[] { SyncAction.Create, SyncAction.Update }, plan.Changes.Select(c => c.Action));
        var update = plan.Changes[1];
        Assert.Equal("E2", update.Key);
        var field = Assert.Single(update.Fields);
        Assert.Equal(("firstname", "Robert", "Bob"), (field.Field, field.OldValue, field.NewValue));
        Assert.Equal(11, update.UserId);
        Assert.Equal("e3", plan.Changes[0].Username);
        Assert.Equal(1, plan.Unchanged);
    }

    [Theory]
    [InlineData(SyncMatchOn.Username)]
    [InlineData(SyncMatchOn.Email)]
    public void MatchOn_joins_on_the_chosen_key(SyncMatchOn matchOn)
    {
        // The idnumber differs: matching on username or email finds the user and updates the idnumber.
        var rows = new[] { Row("NEW-1", username: "ann", email: "ann@example.com") };
        var site = new[] { Site(10, "OLD-1", username: "ann", email: "ann@example.com") };

        var plan = Plan(rows, site, new SyncOptions { MatchOn = matchOn });

        var change = Assert.Single(plan.Changes);
        Assert.Equal(SyncAction.Update, change.Action);
        Assert.Equal(("idnumber", "OLD-1", "NEW-1"), (change.Fields[0].Field, change.Fields[0].OldValue, change.Fields[0].NewValue));
    }

    [Fact]
    public void Empty_values_are_kept_by_default_and_erased_with_Erase_but_never_for_required_fields()
    {
        var row = Row("E1");
        row.Set("department", "");
        row.Set("city", "");
        var site = new[] { Site(10, "E1").Set("department", "Sales").Set("city", "") };

        Assert.Empty(Plan(new[] { row }, site).Changes);

        var erase = Plan(new[] { row }, site, new SyncOptions { EmptyFieldAction = EmptyFieldAction.Erase });
        var change = Assert.Single(erase.Changes);
        var field = Assert.Single(change.Fields);
        Assert.Equal(("department", "Sales", ""), (field.Field, field.OldValue, field.NewValue));
    }

    [Fact]
    public void Usernames_and_emails_compare_without_case_and_countries_by_code()
    {
        var row = Row("E1", username: "Ann.Lee", email: "ANN@EXAMPLE.COM");
        row.Set("country", "nz");
        var site = new[] { Site(10, "E1", username: "ann.lee", email: "ann@example.com").Set("country", "New Zealand") };

        Assert.Empty(Plan(new[] { row }, site).Changes);
    }

    [Fact]
    public void Missing_users_are_suspended_or_deleted_only_with_a_complete_source_and_never_protected_ones()
    {
        var rows = new[] { Row("E1") };
        var site = new[]
        {
            Site(10, "E1"), Site(11, "E2"), Site(12, "E3", suspended: true), Admin(),
            new SiteUser(3).Set("username", "api_service").Set("idnumber", "SVC"),
            new SiteUser(4).Set("username", "manual.account").Set("idnumber", ""),   // outside the source's scope
        };

        Assert.Empty(Plan(rows, site).Changes);   // not complete: nothing removed

        var suspend = Plan(rows, site, new SyncOptions { SourceIsComplete = true, ServiceAccount = "api_service" });
        var change = Assert.Single(suspend.Changes);
        Assert.Equal((SyncAction.Suspend, 11L), (change.Action, change.UserId!.Value));

        var delete = Plan(rows, site, new SyncOptions { SourceIsComplete = true, MissingUserAction = MissingUserAction.Delete, ServiceAccount = "api_service" });
        Assert.Equal(new long[] { 11, 12 }, delete.Changes.Select(c => c.UserId!.Value).Order());
        Assert.All(delete.Changes, c => Assert.Equal(SyncAction.Delete, c.Action));

        Assert.Empty(Plan(rows, site, new SyncOptions { SourceIsComplete = true, MissingUserAction = MissingUserAction.Keep }).Changes);
    }

    [Fact]
    public void A_suspended_user_back_in_a_complete_source_is_unsuspended()
    {
        var plan = Plan(new[] { Row("E1") }, new[] { Site(10, "E1", suspended: true) }, new SyncOptions { SourceIsComplete = true });

        var change = Assert.Single(plan.Changes);
        Assert.Equal(SyncAction.Unsuspend, change.Action);
    }

    [Fact]
    public void A_suspended_column_suspends_and_unsuspends()
    {
        var off = Row("E1");
        off.Suspended = true;
        var on = Row("E2");
        on.Suspended = false;
        var plan = Plan(new[] { off, on }, new[] { Site(10, "E1"), Site(11, "E2", suspended: true) });

        Assert.Equal(new[] { (SyncAction.Unsuspend, "E2"), (SyncAction.Suspend, "E1") }, plan.Changes.Select(c => (c.Action, c.Key)));
    }

    [Theory]
    [InlineData("", null)]
    [InlineData(" ", null)]
    [InlineData("0", false)]
    [InlineData("no", false)]
    [InlineData("TRUE", true)]
    [InlineData("y", true)]
    public void A_flag_cell_reads_empty_as_no_value(string cell, bool? expected)
    {
        Assert.Equal(expected, SourceFlag.Parse("suspended", cell));
        Assert.Contains("the suspended column's value 'maybe'", Assert.Throws<FormatException>(() => SourceFlag.Parse("suspended", "maybe")).Message);
    }

    [Fact]
    public void An_empty_suspended_cell_in_a_complete_source_does_not_unsuspend()
    {
        var row = Row("E1");
        row.HasSuspendedColumn = true;   // the source has the column; this row's cell is empty
        var plan = Plan(new[] { row }, new[] { Site(10, "E1", suspended: true) }, new SyncOptions { SourceIsComplete = true });

        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Refused_rows_protect_their_site_user_from_the_missing_user_action()
    {
        var bad = Row("E2", email: "not-an-email");
        var plan = Plan(new[] { Row("E1"), bad }, new[] { Site(10, "E1"), Site(11, "E2") }, out var validation, new SyncOptions { SourceIsComplete = true });

        Assert.Empty(plan.Changes);
        var problem = Assert.Single(validation.Problems);
        Assert.Equal(("email", bad.RowNumber), (problem.Field, problem.RowNumber));
        Assert.Contains("idnumber 'E2'", problem.ToString());
    }

    [Fact]
    public void A_new_user_whose_username_belongs_to_another_site_user_is_refused_not_created()
    {
        var plan = Plan(new[] { Row("E9", username: "ann") }, new[] { Site(10, "E1", username: "ann") });

        Assert.Empty(plan.Changes);
        var problem = Assert.Single(plan.Problems);
        Assert.Equal("username", problem.Field);
        Assert.Contains("site user 10", problem.Message);
    }

    [Fact]
    public void Two_site_users_with_one_key_refuse_the_row()
    {
        var plan = Plan(new[] { Row("E1") }, new[] { Site(10, "E1", username: "a"), Site(11, "E1", username: "b") });

        Assert.Empty(plan.Changes);
        Assert.Contains("2 site users have idnumber 'E1'", Assert.Single(plan.Problems).Message);
    }

    [Fact]
    public void Creates_need_the_fields_Totara_requires()
    {
        var row = new SourceUser(1).Set("idnumber", "E1").Set("username", "e1");
        var plan = Plan(new[] { row }, Array.Empty<SiteUser>());

        Assert.Empty(plan.Changes);
        Assert.Equal(new[] { "email", "firstname", "lastname" }, plan.Problems.Select(p => p.Field).Order());
    }

    [Fact]
    public void Custom_fields_compare_by_shortname_and_erase_with_Erase()
    {
        var row = Row("E1").SetCustomField("team", "Blue").SetCustomField("badge", "");
        var site = new[] { Site(10, "E1") };
        site[0].CustomFields = new Dictionary<string, string> { ["team"] = "Red", ["badge"] = "B7" };

        var keep = Assert.Single(Plan(new[] { row }, site).Changes);
        Assert.Equal(new[] { "custom_fields.team" }, keep.Fields.Select(f => f.Field));

        var erase = Assert.Single(Plan(new[] { row }, site, new SyncOptions { EmptyFieldAction = EmptyFieldAction.Erase }).Changes);
        Assert.Equal(new[] { "custom_fields.badge", "custom_fields.team" }, erase.Fields.Select(f => f.Field).Order());
    }
}

public sealed class DeletedColumnTests
{
    [Theory]
    [InlineData(MissingUserAction.Suspend, SyncAction.Suspend)]
    [InlineData(MissingUserAction.Delete, SyncAction.Delete)]
    public void A_row_marked_deleted_removes_its_user_as_MissingUserAction_says_and_is_never_created(MissingUserAction action, SyncAction expected)
    {
        var gone = Rows.Row("E1");
        gone.Deleted = true;
        var never = Rows.Row("E2");
        never.Deleted = true;
        var admin = new SourceUser(99).Set("idnumber", "ADM").Set("username", "admin");
        admin.Deleted = true;

        var plan = Rows.Plan(new[] { gone, never, admin }, new[] { Rows.Site(10, "E1"), Rows.Site(2, "ADM", username: "admin") },
            new SyncOptions { MissingUserAction = action });

        var change = Assert.Single(plan.Changes);
        Assert.Equal((expected, 10L), (change.Action, change.UserId!.Value));
        Assert.Contains("deleted column", change.Reason);
    }
}

public sealed class ProtectedAccountTests
{
    [Fact]
    public void A_suspended_column_never_suspends_the_service_account_and_says_so()
    {
        var service = new SourceUser(2).Set("idnumber", "SVC").Set("username", "api_service").Set("city", "Nelson");
        service.Suspended = true;
        var site = new[] { Rows.Site(3, "SVC", username: "api_service") };

        var plan = Rows.Plan(new[] { service }, site, new SyncOptions { ServiceAccount = "api_service" });

        var change = Assert.Single(plan.Changes);
        Assert.Equal((SyncAction.Update, "city"), (change.Action, change.Fields.Single().Field));
        Assert.Contains("never suspends it", Assert.Single(plan.Problems).Message);
    }

    [Fact]
    public void Totaras_own_guest_and_admin_rows_are_set_aside_before_validation_and_never_synced()
    {
        // As another Totara site's users come: guest's email root@localhost fails the email check.
        var guest = new SourceUser(1).Set("idnumber", "").Set("username", "guest").Set("email", "root@localhost").Set("firstname", "Guest user").Set("lastname", " ");
        var admin = new SourceUser(2).Set("idnumber", "ADM").Set("username", "Admin").Set("email", "head.office@example.com").Set("city", "Nelson");
        admin.Suspended = true;
        var staff = Rows.Row("E1");
        var site = new[] { Rows.Site(2, "ADM", username: "admin"), Rows.Site(10, "E1") };

        var plan = Rows.Plan(new[] { guest, admin, staff }, site, out var validation, new SyncOptions { MatchOn = SyncMatchOn.Username, SourceIsComplete = true });

        Assert.Empty(validation.Problems);
        Assert.Equal(new[] { guest, admin }, validation.SiteAccounts);
        Assert.Equal(new[] { staff }, validation.Valid);
        Assert.Empty(plan.Changes);
        Assert.Empty(plan.Problems);
    }
}
