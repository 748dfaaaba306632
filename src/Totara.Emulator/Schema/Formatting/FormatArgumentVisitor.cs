using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using GraphQL.Utilities;

namespace Totara.Emulator.Schema.Formatting;

/// <summary>
/// Wraps the resolver of every object field that takes a <c>format</c> argument of type
/// core_date_format or core_format with the matching formatter.
/// </summary>
internal sealed class FormatArgumentVisitor : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema)
    {
        var kind = FormatKindOf(field);
        if (kind is null) return;
        var inner = field.Resolver ?? NameFieldResolver.Instance;
        field.Resolver = new FormattingFieldResolver(inner, kind.Value);
    }

    private static FormatKind? FormatKindOf(FieldType field)
    {
        // Schema-first arguments carry their resolved graph type once the schema initialises.
        var typeName = field.Arguments?.Find("format")?.ResolvedType?.GetNamedType()?.Name;
        return typeName switch
        {
            "core_date_format" => FormatKind.Date,
            "core_format" => FormatKind.Text,
            _ => null,
        };
    }
}

internal enum FormatKind
{
    Date,
    Text,
}
