using GraphQL.Types;
using Totara.Emulator.Schema.Scalars;

namespace Totara.Emulator.Schema;

/// <summary>The custom scalars declared in totara.graphqls, each implemented as Totara's.</summary>
public static class TotaraScalars
{
    public static IReadOnlyList<ScalarGraphType> Create() =>
    [
        new CoreIdGraphType(),
        new CoreDateGraphType(),
        new ParamIntegerGraphType(),
        new ParamEmailGraphType(),
        new ParamUsernameGraphType(),
    ];
}
