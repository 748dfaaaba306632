using GraphQL.Utilities;
using Totara.Emulator.Domain;

namespace Totara.Emulator.Api;

/// <summary>
/// One API area's resolvers (users, cohorts, jobs, ...). Every implementation in this assembly
/// with a public parameterless constructor is found by reflection and asked to attach its
/// resolvers to the schema-first types read from Schema/totara.graphqls, so areas never edit a
/// shared registration list.
/// </summary>
public interface IResolverModule
{
    void Register(TypeSettings types, EmulatorState state);
}
