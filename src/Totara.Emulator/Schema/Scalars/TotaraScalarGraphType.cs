using GraphQL.Types;
using GraphQLParser.AST;

namespace Totara.Emulator.Schema.Scalars;

/// <summary>
/// Base of Totara's custom scalars. Totara parses a literal in the document and a JSON variable
/// value the same way (its scalar classes only see the PHP value), so both paths funnel into
/// <see cref="ParseInput"/>; a rejected value reads as Totara's invalid_parameter_exception.
/// </summary>
public abstract class TotaraScalarGraphType : ScalarGraphType
{
    /// <summary>The message of Totara's invalid_parameter_exception.</summary>
    public const string InvalidParameterMessage = "Invalid parameter value detected";

    protected TotaraScalarGraphType(string name, string description)
    {
        Name = name;
        Description = description;
    }

    /// <summary>Turns a client value (null, string, long, double or bool) into the server-side value.</summary>
    protected abstract object? ParseInput(object? value);

    public override object? ParseValue(object? value) => ParseInput(Normalise(value));

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => ParseInput(null),
        GraphQLIntValue i => ParseInput(ParseIntLiteral(i.Value.ToString())),
        GraphQLFloatValue f => ParseInput(double.Parse(f.Value.ToString(), System.Globalization.CultureInfo.InvariantCulture)),
        GraphQLStringValue s => ParseInput(s.Value.ToString()),
        GraphQLBooleanValue b => ParseInput(b.BoolValue),
        _ => throw Invalid(),
    };

    protected static InvalidParameterException Invalid(string? detail = null) => new(detail);

    private static object ParseIntLiteral(string text) =>
        long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    // Variables arrive from System.Text.Json as int/long/decimal/double/string/bool: bring
    // the numbers to long (when whole) or double so each scalar handles two numeric shapes.
    private static object? Normalise(object? value) => value switch
    {
        null => null,
        string or bool or long or double => value,
        int i => (long)i,
        short s => (long)s,
        byte b => (long)b,
        uint u => (long)u,
        ulong ul when ul <= long.MaxValue => (long)ul,
        decimal d when d == decimal.Truncate(d) && d >= long.MinValue && d <= long.MaxValue => (long)d,
        decimal d => (double)d,
        float f => (double)f,
        System.Numerics.BigInteger bi => (double)bi,
        _ => throw Invalid(),
    };
}

/// <summary>Totara's invalid_parameter_exception raised by a scalar; the message is Totara's.</summary>
public sealed class InvalidParameterException : Exception
{
    public InvalidParameterException(string? detail = null)
        : base(detail is null ? TotaraScalarGraphType.InvalidParameterMessage : $"{TotaraScalarGraphType.InvalidParameterMessage} ({detail})")
    {
    }
}
