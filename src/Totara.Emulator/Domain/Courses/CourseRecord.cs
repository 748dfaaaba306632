namespace Totara.Emulator.Domain.Courses;

/// <summary>One course of the emulated site (Totara's mdl_course with containertype container_course).</summary>
public sealed class CourseRecord
{
    public long Id { get; init; }
    public string? IdNumber { get; set; }
    public string ShortName { get; set; } = "";
    public string FullName { get; set; } = "";
    public string? Summary { get; set; }
    public string SummaryFormat { get; set; } = "HTML";
    public long CategoryId { get; set; }
    public string Format { get; set; } = "topics";
    public int CourseType { get; set; }
    public string Icon { get; set; } = "default";
    public bool Visible { get; set; } = true;
    public bool ShowGrades { get; set; } = true;
    public bool CompletionEnabled { get; set; } = true;
    public long StartDate { get; set; }
    public long EndDate { get; set; }
    public long TimeCreated { get; set; }
    public long TimeModified { get; set; }
    public string? Theme { get; set; }
    public string? Lang { get; set; }
    public List<string> Tags { get; } = new();
    public List<CourseSection> Sections { get; } = new();

    public int ModuleCount => Sections.Sum(s => s.Modules.Count);
}

/// <summary>A topic or week of a course, holding its activities.</summary>
public sealed record CourseSection(long Id, string Title, string? Summary, IReadOnlyList<CourseModule> Modules);

/// <summary>One activity of a course (a SCORM package, a quiz, a page...).</summary>
public sealed record CourseModule(long Id, long InstanceId, string ModType, string Name, bool CompletionEnabled);

/// <summary>A course category; categories form a tree through <see cref="ParentId"/>.</summary>
public sealed class CategoryRecord
{
    public long Id { get; init; }
    public string Name { get; set; } = "";
    public string? IdNumber { get; set; }
    public string? Description { get; set; }
    public long ParentId { get; set; }
    public bool Visible { get; set; } = true;
    public long TimeModified { get; set; }
    public string? Theme { get; set; }
}
