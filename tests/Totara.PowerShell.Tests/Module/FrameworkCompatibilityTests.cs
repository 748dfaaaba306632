using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Totara.PowerShell.Tests.TestSupport;

namespace Totara.PowerShell.Tests.Module;

/// <summary>
/// Windows PowerShell 5.1 (.NET Framework 4.7.2+) cannot run here, so the built module is checked
/// against it statically: every assembly the cmdlet assembly or a shipped dependency references,
/// and every type it takes from one, must be in .NET Framework 4.7.2 (its reference assemblies,
/// facades included), in the shipped set at that version or later, or be PowerShell 5.1's own
/// System.Management.Automation 3.0.
/// </summary>
public sealed class FrameworkCompatibilityTests
{
    private static readonly Version WindowsPowerShellSma = new(3, 0, 0, 0);

    /// <summary>
    /// References that are never resolved on .NET Framework: the load-context code of
    /// src/Totara.PowerShell/Loading runs on .NET only, behind ModuleInitializer's NoInlining methods.
    /// </summary>
    private static readonly Dictionary<string, string[]> CoreOnly = new()
    {
        ["System.Runtime.Loader"] = new[] { "System.Runtime.Loader.AssemblyLoadContext" },
    };

    private static string FrameworkFolder { get; } =
        typeof(FrameworkCompatibilityTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "NetFramework472ReferenceAssemblies").Value!;

    /// <summary>The module's assemblies: the cmdlet assembly and everything in dependencies/.</summary>
    private static IReadOnlyList<string> ShippedAssemblies() =>
        new[] { Path.Combine(RepoPaths.ModuleFolder, "Totara.PowerShell.dll") }
            .Concat(Directory.GetFiles(Path.Combine(RepoPaths.ModuleFolder, "dependencies"), "*.dll"))
            .ToList();

    [Fact]
    public void Every_reference_of_the_shipped_assemblies_is_met_on_NET_Framework_472()
    {
        var shipped = ShippedAssemblies().ToDictionary(p => AssemblyName.GetAssemblyName(p).Name!, p => new AssemblyFile(p), StringComparer.OrdinalIgnoreCase);
        var framework = new FrameworkAssemblies(FrameworkFolder);
        var problems = new List<string>();

        foreach (var (name, assembly) in shipped)
        {
            foreach (var reference in assembly.References)
            {
                if (reference.Name == "System.Management.Automation")
                {
                    if (reference.Version > WindowsPowerShellSma) problems.Add($"{name} needs System.Management.Automation {reference.Version}; Windows PowerShell 5.1 has 3.0.");
                    continue;
                }
                if (CoreOnly.TryGetValue(reference.Name, out var coreTypes))
                {
                    var taken = assembly.TypesTakenFrom(reference.Name).Except(coreTypes).ToList();
                    if (name != "Totara.PowerShell" || taken.Count > 0)
                        problems.Add($"{name} uses {reference.Name} ({string.Join(", ", taken)}) beyond the .NET-only loader.");
                    continue;
                }
                AssemblyFile? provider = shipped.TryGetValue(reference.Name, out var ours) ? ours : framework.Find(reference.Name);
                if (provider is null)
                {
                    problems.Add($"{name} references {reference.Name} {reference.Version}: neither .NET Framework 4.7.2 nor the module has it.");
                    continue;
                }
                if (provider.Version < reference.Version)
                    problems.Add($"{name} references {reference.Name} {reference.Version}; {(ours is null ? ".NET Framework 4.7.2" : "the module")} has {provider.Version}.");
                foreach (string type in assembly.TypesTakenFrom(reference.Name).Where(t => !provider.Offers(t)))
                    problems.Add($"{name} uses {type} from {reference.Name}, which {provider.Path} does not define.");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void The_check_finds_what_NET_Framework_lacks()
    {
        // The test itself must be able to fail: this test assembly (net10.0) needs System.Runtime 10,
        // which .NET Framework 4.7.2's facade (4.1.2) is far older than.
        var framework = new FrameworkAssemblies(FrameworkFolder);
        var self = new AssemblyFile(typeof(FrameworkCompatibilityTests).Assembly.Location);

        var runtime = self.References.Single(r => r.Name == "System.Runtime");

        Assert.True(framework.Find("System.Runtime")!.Version < runtime.Version);
        Assert.Null(framework.Find("System.Text.Json"));
        Assert.False(framework.Find("netstandard")!.Offers("System.Text.Json.JsonElement"));
        Assert.True(framework.Find("netstandard")!.Offers("System.Collections.Generic.List`1"));
    }

    [Fact]
    public void The_cmdlet_assembly_and_its_dependencies_target_netstandard20()
    {
        foreach (string path in ShippedAssemblies())
        {
            var file = new AssemblyFile(path);
            Assert.True(file.TargetFramework is null || file.TargetFramework.StartsWith(".NETStandard,Version=v2.0") || file.TargetFramework.StartsWith(".NETFramework"),
                $"{Path.GetFileName(path)} targets {file.TargetFramework}: Windows PowerShell 5.1 cannot load it.");
        }
    }

    /// <summary>.NET Framework 4.7.2's reference assemblies, by name (Facades/ included).</summary>
    private sealed class FrameworkAssemblies(string folder)
    {
        private readonly Dictionary<string, AssemblyFile?> _found = new(StringComparer.OrdinalIgnoreCase);

        public AssemblyFile? Find(string name)
        {
            if (_found.TryGetValue(name, out var known)) return known;
            string? path = new[] { Path.Combine(folder, name + ".dll"), Path.Combine(folder, "Facades", name + ".dll") }.FirstOrDefault(File.Exists);
            return _found[name] = path is null ? null : new AssemblyFile(path);
        }
    }

    /// <summary>One assembly's metadata: its version, references, the types it defines or forwards, and the types it takes from others.</summary>
    private sealed class AssemblyFile
    {
        private readonly HashSet<string> _offers = new(StringComparer.Ordinal);
        private readonly Dictionary<string, HashSet<string>> _takes = new(StringComparer.OrdinalIgnoreCase);

        public AssemblyFile(string path)
        {
            Path = path;
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            Version = md.GetAssemblyDefinition().Version;
            References = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h))
                .Select(r => (Name: md.GetString(r.Name), r.Version)).ToList();
            foreach (var handle in md.TypeDefinitions)
            {
                var type = md.GetTypeDefinition(handle);
                if (!type.GetDeclaringType().IsNil) continue;
                _offers.Add(FullName(md.GetString(type.Namespace), md.GetString(type.Name)));
            }
            foreach (var handle in md.ExportedTypes)
            {
                var type = md.GetExportedType(handle);
                _offers.Add(FullName(md.GetString(type.Namespace), md.GetString(type.Name)));
            }
            foreach (var handle in md.TypeReferences)
            {
                var type = md.GetTypeReference(handle);
                if (type.ResolutionScope.Kind != HandleKind.AssemblyReference) continue;   // nested types: their outer type is checked
                string from = md.GetString(md.GetAssemblyReference((AssemblyReferenceHandle)type.ResolutionScope).Name);
                if (!_takes.TryGetValue(from, out var set)) _takes[from] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(FullName(md.GetString(type.Namespace), md.GetString(type.Name)));
            }
            TargetFramework = md.CustomAttributes.Select(h => md.GetCustomAttribute(h))
                .Where(a => AttributeName(md, a) == "System.Runtime.Versioning.TargetFrameworkAttribute")
                .Select(a => a.DecodeValue(new StringOnlyDecoder()).FixedArguments[0].Value as string)
                .FirstOrDefault();
        }

        public string Path { get; }
        public Version Version { get; }
        public IReadOnlyList<(string Name, Version Version)> References { get; }
        public string? TargetFramework { get; }

        public bool Offers(string typeName) => _offers.Contains(typeName);

        public IEnumerable<string> TypesTakenFrom(string assembly) =>
            _takes.TryGetValue(assembly, out var types) ? types : Enumerable.Empty<string>();

        private static string FullName(string ns, string name) => ns.Length == 0 ? name : ns + "." + name;

        private static string? AttributeName(MetadataReader md, CustomAttribute attribute)
        {
            if (attribute.Constructor.Kind != HandleKind.MemberReference) return null;
            var parent = md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) return null;
            var type = md.GetTypeReference((TypeReferenceHandle)parent);
            return FullName(md.GetString(type.Namespace), md.GetString(type.Name));
        }
    }

    /// <summary>Decodes only string arguments (TargetFrameworkAttribute's), which is all that is read.</summary>
    private sealed class StringOnlyDecoder : ICustomAttributeTypeProvider<Type?>
    {
        public Type? GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode == PrimitiveTypeCode.String ? typeof(string) : null;
        public Type? GetSystemType() => null;
        public Type? GetSZArrayType(Type? elementType) => null;
        public Type? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => null;
        public Type? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;
        public Type? GetTypeFromSerializedName(string name) => null;
        public PrimitiveTypeCode GetUnderlyingEnumType(Type? type) => PrimitiveTypeCode.Int32;
        public bool IsSystemType(Type? type) => false;
    }
}
