namespace Totara.Emulator.Domain.Intellidata;

public sealed record UnifiedField(string FieldName, string Type, string Description, string? Default, bool Null);

public sealed record UnifiedTable(string Name, IReadOnlyList<UnifiedField> Fields);

public sealed record CustomField(string Type, string Name, bool HasDefault, int? MaxLength, bool PrimaryKey, bool NotNull, bool AutoIncrement, string? DefaultValue);

public sealed record CustomKey(string Name, IReadOnlyList<string> Fields, string? RefTable, IReadOnlyList<string> RefFields);

public sealed record CustomTable(string Name, IReadOnlyList<CustomField> Fields, string PluginType, string Plugin, IReadOnlyList<CustomKey> Keys);

public sealed record CronTask(int Id, string Component, string ClassName, long LastRunTime, long NextRunTime, string Minute, string Hour, int Disabled);

public sealed record PluginSetting(string Type, string SubType, string Title, string Name, string? GroupTitle, string Value);

public sealed record MoodleConfig(string Version, string Release, string DbType, string MoodleWorkplace, string TotaraVersion);

/// <summary>
/// The fixed descriptive data IntelliBoard reads from a Totara 18 site: the unified schema of
/// its required tables, a few custom tables it can be asked to export, its scheduled tasks and
/// its settings. Realistic, and the same on every run.
/// </summary>
public static class IntellidataCatalog
{
    public static readonly MoodleConfig Moodle = new("2017111309.00", "18.0 (Build: 20250926.00)", "pgsql", "0", "18.0");

    public static readonly IReadOnlyList<UnifiedTable> Unified = new[]
    {
        Table("users", ("id", "PARAM_INT", "User id."), ("username", "PARAM_RAW", "Username."), ("firstname", "PARAM_RAW", "First name."),
            ("lastname", "PARAM_RAW", "Last name."), ("email", "PARAM_RAW", "Email address."), ("idnumber", "PARAM_RAW", "ID number."),
            ("suspended", "PARAM_INT", "Whether the user is suspended."), ("timecreated", "PARAM_INT", "Time created.")),
        Table("categories", ("id", "PARAM_INT", "Category id."), ("name", "PARAM_RAW", "Category name."), ("parent", "PARAM_INT", "Parent category id."),
            ("path", "PARAM_RAW", "Category path."), ("visible", "PARAM_INT", "Visibility.")),
        Table("courses", ("id", "PARAM_INT", "Course id."), ("fullname", "PARAM_RAW", "Full name."), ("shortname", "PARAM_RAW", "Short name."),
            ("idnumber", "PARAM_RAW", "ID number."), ("category", "PARAM_INT", "Category id."), ("startdate", "PARAM_INT", "Start date."),
            ("visible", "PARAM_INT", "Visibility.")),
        Table("roles", ("id", "PARAM_INT", "Role id."), ("shortname", "PARAM_RAW", "Short name."), ("name", "PARAM_RAW", "Role name.")),
        Table("enrolments", ("id", "PARAM_INT", "User enrolment id."), ("userid", "PARAM_INT", "User id."), ("courseid", "PARAM_INT", "Course id."),
            ("enroltype", "PARAM_RAW", "Enrolment method."), ("status", "PARAM_INT", "Enrolment status."), ("timestart", "PARAM_INT", "Start time.")),
        Table("coursecompletions", ("id", "PARAM_INT", "Completion id."), ("userid", "PARAM_INT", "User id."), ("courseid", "PARAM_INT", "Course id."),
            ("timecompleted", "PARAM_INT", "Completion time."), ("status", "PARAM_INT", "Completion status.")),
        Table("userlogins", ("id", "PARAM_INT", "User id."), ("lastaccess", "PARAM_INT", "Last access time."), ("logins", "PARAM_INT", "Number of logins.")),
    };

    public static readonly IReadOnlyList<CustomTable> Custom = new[]
    {
        new CustomTable("course_sections",
            new[]
            {
                new CustomField("int", "id", false, 10, true, true, true, null),
                new CustomField("int", "course", true, 10, false, true, false, "0"),
                new CustomField("int", "section", true, 10, false, true, false, "0"),
                new CustomField("char", "name", false, 255, false, false, false, null),
                new CustomField("int", "visible", true, 1, false, true, false, "1"),
            },
            "course", "core",
            new[] { new CustomKey("primary", new[] { "id" }, null, Array.Empty<string>()), new CustomKey("course", new[] { "course" }, "course", new[] { "id" }) }),
        new CustomTable("perform_goal",
            new[]
            {
                new CustomField("int", "id", false, 10, true, true, true, null),
                new CustomField("int", "user_id", false, 10, false, false, false, null),
                new CustomField("char", "name", false, 1024, false, true, false, null),
                new CustomField("char", "status", true, 255, false, true, false, "not_started"),
                new CustomField("number", "current_value", false, null, false, false, false, null),
            },
            "perform", "goal",
            new[] { new CustomKey("primary", new[] { "id" }, null, Array.Empty<string>()), new CustomKey("user_id", new[] { "user_id" }, "user", new[] { "id" }) }),
    };

    public static readonly IReadOnlyList<CronTask> Cron = new[]
    {
        new CronTask(301, "bi_intellidata", "\\bi_intellidata\\task\\export_task", 1_795_406_400, 1_795_410_000, "0", "*", 0),
        new CronTask(302, "bi_intellidata", "\\bi_intellidata\\task\\migration_task", 1_793_577_600, 1_795_413_660, "1", "1", 1),
        new CronTask(303, "bi_intellidata", "\\bi_intellidata\\task\\cleaner_task", 1_795_330_800, 1_795_417_200, "0", "3", 0),
    };

    public static readonly IReadOnlyList<PluginSetting> Settings = new[]
    {
        new PluginSetting("setting", "checkbox", "Enable data processing", "enabled", "General settings", "1"),
        new PluginSetting("setting", "select", "Export files mode", "exportfilesduringmigration", "General settings", "0"),
        new PluginSetting("setting", "text", "Migration records limit", "migrationrecordslimit", "Migration", "1000000"),
        new PluginSetting("setting", "select", "Export data format", "exportdataformat", "Export", "csv"),
        new PluginSetting("setting", "checkbox", "Track logs", "enabledtracking", "Tracking", "1"),
    };

    /// <summary>Tables that IntelliBoard may never be asked to export.</summary>
    public static readonly IReadOnlySet<string> RestrictedTables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "config", "config_plugins", "sessions", "external_tokens", "oauth2_access_token", "totara_oauth2_client_provider", "user_password_history",
    };

    private static UnifiedTable Table(string name, params (string Field, string Type, string Description)[] fields) =>
        new(name, fields.Select(f => new UnifiedField(f.Field, f.Type, f.Description, null, f.Field != "id")).ToList());
}
