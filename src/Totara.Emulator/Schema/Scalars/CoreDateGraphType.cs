using System.Globalization;

namespace Totara.Emulator.Schema.Scalars;

/// <summary>
/// core_date: a unix timestamp. Input takes an integer, a numeric string or an ISO-8601 (or
/// other parseable) date string; 0, '0' and '' mean null. Output is a string: the timestamp
/// itself, or the text a field's format argument produced (see CoreDateFormatter); 0 is null.
/// </summary>
public sealed class CoreDateGraphType : TotaraScalarGraphType
{
    public CoreDateGraphType()
        : base("core_date", "Represents standard unix timestamps stored in database. For input, use either an integer timestamp, numeric string or an ISO-8601 string.")
    {
    }

    protected override object? ParseInput(object? value)
    {
        if (value is null or "" or "0" || value is long and 0) return null;
        if (NumericText.IsNumber(value)) return NumericText.ToLong(value);
        if (value is not string text) throw Invalid();
        text = text.Trim();
        if (text.Length == 0 || NumericText.IsNumber(text)) throw Invalid();
        // The emulated site and its users live in UTC: a date without an offset is read as UTC.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            return date.ToUnixTimeSeconds();
        throw Invalid();
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        long and 0 or int and 0 => null,
        string s when s.Trim().Length == 0 || s == "0" => null,
        string s => s,
        DateTimeOffset d => d.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, d.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : d.Kind)).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
