namespace Totara.Emulator.Schema.Scalars;

/// <summary>param_integer: PARAM_INT input; '' is null, numbers and numeric strings become a long.</summary>
public sealed class ParamIntegerGraphType : TotaraScalarGraphType
{
    public ParamIntegerGraphType()
        : base("param_integer", "Input parameter equivalent to PARAM_INT, '' is converted to NULL.")
    {
    }

    protected override object? ParseInput(object? value)
    {
        if (value is null or "") return null;
        if (!NumericText.IsNumber(value)) throw Invalid();
        return NumericText.ToLong(value);
    }

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        string s when NumericText.IsNumber(s) => NumericText.ToLong(s),
        string => null,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
