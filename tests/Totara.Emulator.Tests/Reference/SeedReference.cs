namespace Totara.Emulator.Tests.Reference;

/// <summary>
/// The Totara 18 API reference (shared/seeds/002_…txt) read into a model: every query and
/// mutation with its arguments and return type, every type with its kind and fields. Type
/// strings keep the reference's spelling, e.g. <c>[core_course!]!</c>.
/// </summary>
public sealed class SeedReference
{
    public const string SeedFileName = "002_ad5b7f71dec921fe.txt";

    public SeedReference(IReadOnlyList<ReferenceOperation> operations, IReadOnlyList<ReferenceType> types)
    {
        Operations = operations;
        Types = types;
    }

    public IReadOnlyList<ReferenceOperation> Operations { get; }

    public IReadOnlyList<ReferenceType> Types { get; }

    public IEnumerable<ReferenceOperation> Queries => Operations.Where(o => o.Kind == OperationKind.Query);

    public IEnumerable<ReferenceOperation> Mutations => Operations.Where(o => o.Kind == OperationKind.Mutation);

    public ReferenceType Type(string name) =>
        Types.SingleOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"The reference has no type '{name}'.");

    public ReferenceOperation Operation(string name) =>
        Operations.SingleOrDefault(o => o.Name == name) ?? throw new KeyNotFoundException($"The reference has no operation '{name}'.");

    /// <summary>Reads the seed beside the repository (…/shared/seeds/), found from the test's base directory.</summary>
    public static SeedReference Load() => SeedReferenceParser.Parse(File.ReadAllLines(SeedPath()));

    public static string SeedPath()
    {
        var root = RepositoryRoot();
        var path = Path.GetFullPath(Path.Combine(root, "..", "shared", "seeds", SeedFileName));
        return File.Exists(path) ? path : throw new FileNotFoundException($"The API reference seed is not at {path}.", path);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Totara.PowerShell.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException($"No folder above {AppContext.BaseDirectory} holds Totara.PowerShell.sln.");
    }

    /// <summary>The named type inside a type string: <c>[core_course!]!</c> → <c>core_course</c>.</summary>
    public static string NamedType(string typeString) => typeString.Trim('[', ']', '!');
}

public enum OperationKind
{
    Query,
    Mutation,
}

/// <summary>
/// What the reference says a type is. Types whose fields the reference leaves out are
/// <see cref="Composite"/> (their example is an object) or <see cref="Unknown"/> (only the
/// name is listed); the test infers object or input for them from where they are used.
/// </summary>
public enum ReferenceTypeKind
{
    Scalar,
    Object,
    Interface,
    Input,
    Enum,
    Composite,
    Unknown,
}

public sealed record ReferenceOperation(
    string Name,
    OperationKind Kind,
    string? ReturnType,
    IReadOnlyList<ReferenceField> Arguments,
    int Line);

/// <summary>A field, input field or argument. <see cref="HasArguments"/>: the reference marks that the field takes arguments (their names are elided).</summary>
public sealed record ReferenceField(string Name, string Type, string Description, bool HasArguments);

public sealed record ReferenceType(
    string Name,
    ReferenceTypeKind Kind,
    string Description,
    IReadOnlyList<ReferenceField> Fields,
    IReadOnlyList<string> EnumValueDescriptions,
    IReadOnlyList<string> ExampleKeys,
    string? ExampleValue,
    int Line)
{
    public ReferenceField? Field(string name) => Fields.SingleOrDefault(f => f.Name == name);
}
