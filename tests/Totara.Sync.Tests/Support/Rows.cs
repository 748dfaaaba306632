namespace Totara.Sync.Tests.Support;

/// <summary>Plain source rows and site users for planning tests: no site, no PowerShell.</summary>
internal static class Rows
{
    private static int _row;

    public static SourceUser Row(string idNumber, string? username = null, string? email = null, string first = "Ann", string last = "Lee", int? number = null)
    {
        var row = new SourceUser(number ?? Interlocked.Increment(ref _row));
        row.Set("idnumber", idNumber);
        row.Set("username", username ?? idNumber.ToLowerInvariant());
        row.Set("email", email ?? idNumber.ToLowerInvariant() + "@example.com");
        row.Set("firstname", first);
        row.Set("lastname", last);
        return row;
    }

    public static SiteUser Site(long id, string idNumber, string? username = null, string? email = null, string first = "Ann", string last = "Lee", bool suspended = false) =>
        new SiteUser(id, suspended)
            .Set("idnumber", idNumber)
            .Set("username", username ?? idNumber.ToLowerInvariant())
            .Set("email", email ?? idNumber.ToLowerInvariant() + "@example.com")
            .Set("firstname", first)
            .Set("lastname", last);

    public static SiteUser Admin() => new SiteUser(2).Set("username", "admin").Set("idnumber", "").Set("email", "admin@example.com");

    public static SyncPlan Plan(IReadOnlyList<SourceUser> rows, IReadOnlyCollection<SiteUser> site, SyncOptions? options = null) =>
        Plan(rows, site, out _, options);

    public static SyncPlan Plan(IReadOnlyList<SourceUser> rows, IReadOnlyCollection<SiteUser> site, out SourceValidation validation, SyncOptions? options = null)
    {
        options ??= new SyncOptions();
        validation = SourceValidator.Validate(rows, options);
        return SyncPlanner.Plan(validation, site, options);
    }
}
