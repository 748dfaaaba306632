namespace Totara.Emulator.Domain.Hierarchy;

/// <summary>A position or organisation framework (a named tree of items).</summary>
public sealed record HierarchyFramework(long Id, string FullName, string? ShortName, string? IdNumber, string? Description);

/// <summary>A position or organisation type (classifies items; carries custom fields in Totara).</summary>
public sealed record HierarchyType(long Id, string FullName, string? ShortName, string? IdNumber, string? Description);

/// <summary>One position or organisation. <see cref="Path"/> is Totara's "/rootid/.../id".</summary>
public sealed class HierarchyItem
{
    public long Id { get; init; }
    public long FrameworkId { get; init; }
    public long? ParentId { get; init; }
    public long? TypeId { get; init; }
    public string FullName { get; init; } = "";
    public string? ShortName { get; init; }
    public string? IdNumber { get; init; }
    public string? Description { get; init; }
    public bool Visible { get; init; } = true;
    public string Path { get; init; } = "";
}
