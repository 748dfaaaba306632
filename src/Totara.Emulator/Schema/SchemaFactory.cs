using System.Reflection;
using GraphQL.Types;
using Totara.Emulator.Api;
using Totara.Emulator.Domain;
using Totara.Emulator.Schema.Formatting;

namespace Totara.Emulator.Schema;

/// <summary>
/// Builds the emulator's executable schema from the SDL transcribed from the API reference
/// (Schema/totara.graphqls, embedded). Resolvers come from the IResolverModule implementations
/// of this assembly; fields left without one use GraphQL.NET's name-based default resolver.
/// </summary>
public static class SchemaFactory
{
    public const string SdlResourceName = "Totara.Emulator.Schema.totara.graphqls";

    public static ISchema Create(EmulatorState state) => Create(state, DiscoverModules());

    /// <summary>Builds the schema with the given resolver modules only (tests use their own).</summary>
    public static ISchema Create(EmulatorState state, IEnumerable<IResolverModule> modules) => Create(LoadSdl(), state, modules);

    /// <summary>Builds a schema from other SDL text, wired the same way (tests check the conformance test with altered SDL).</summary>
    public static ISchema Create(string sdl, EmulatorState state, IEnumerable<IResolverModule> modules)
    {
        ArgumentNullException.ThrowIfNull(sdl);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(modules);
        var schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            foreach (var module in modules)
                module.Register(builder.Types, state);
        });
        foreach (var scalar in TotaraScalars.Create())
            schema.RegisterType(scalar);
        // Wraps the resolver of every field with a format argument, so domain resolvers
        // return raw values (unix timestamps, stored text) and formatting lives in one place.
        schema.RegisterVisitor(new FormatArgumentVisitor());
        schema.Initialize();
        return schema;
    }

    public static string LoadSdl()
    {
        using var stream = typeof(SchemaFactory).Assembly.GetManifestResourceStream(SdlResourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{SdlResourceName}' is missing from {typeof(SchemaFactory).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Every concrete IResolverModule of this assembly with a public parameterless constructor, in a stable order.</summary>
    public static IReadOnlyList<IResolverModule> DiscoverModules() =>
        typeof(SchemaFactory).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IResolverModule).IsAssignableFrom(t))
            .Where(t => t.GetConstructor(BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IResolverModule)Activator.CreateInstance(t)!)
            .ToList();
}
