namespace Totara.Emulator.Schema.Scalars;

/// <summary>
/// core_id: a database id. Input takes an integer or numeric string (0 and '' mean null,
/// negatives are refused); output is a numeric string, or null for 0 (as Totara: JavaScript
/// integers are too small for ids).
/// </summary>
public sealed class CoreIdGraphType : TotaraScalarGraphType
{
    public CoreIdGraphType()
        : base("core_id", "Represents database id fields (numeric string). 0 is converted to NULL.")
    {
    }

    protected override object? ParseInput(object? value)
    {
        if (value is null or "" or "0" || value is long and 0) return null;
        if (!NumericText.IsNumber(value)) throw Invalid();
        var id = NumericText.ToLong(value);
        if (id < 0) throw Invalid();
        return id == 0 ? null : id;
    }

    public override object? Serialize(object? value)
    {
        var id = value switch
        {
            null => 0L,
            long l => l,
            int i => i,
            string s when NumericText.IsNumber(s) => NumericText.ToLong(s),
            string => 0L,
            _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };
        return id <= 0 ? null : id.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
