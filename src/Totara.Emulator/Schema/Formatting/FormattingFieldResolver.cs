using System.Collections;
using GraphQL;
using GraphQL.Resolvers;

namespace Totara.Emulator.Schema.Formatting;

/// <summary>Runs the field's own resolver, then formats its raw value as the format argument asks.</summary>
internal sealed class FormattingFieldResolver : IFieldResolver
{
    private readonly IFieldResolver _inner;
    private readonly FormatKind _kind;

    public FormattingFieldResolver(IFieldResolver inner, FormatKind kind)
    {
        _inner = inner;
        _kind = kind;
    }

    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        var raw = await _inner.ResolveAsync(context).ConfigureAwait(false);
        var format = FormatArgument(context);
        if (format is null) return raw;
        var richText = _kind == FormatKind.Text && RichTextFields.IsRichText(context.FieldDefinition);
        return raw is IEnumerable list and not string
            ? list.Cast<object?>().Select(item => FormatOne(item, format, richText)).ToList()
            : FormatOne(raw, format, richText);
    }

    private object? FormatOne(object? value, string format, bool richText) => _kind switch
    {
        FormatKind.Date => CoreDateFormatter.Format(value, format),
        _ => CoreTextFormatter.Format(value, format, richText),
    };

    private static string? FormatArgument(IResolveFieldContext context) =>
        context.Arguments is not null && context.Arguments.TryGetValue("format", out var argument)
            ? argument.Value?.ToString()
            : null;
}
