using System.Text.RegularExpressions;

namespace Totara.Emulator.Schema.Scalars;

/// <summary>
/// param_email: PARAM_EMAIL input. '' is null; a value that is not a valid email address is
/// refused whole (Totara refuses any value its cleaning would change), never trimmed or fixed.
/// </summary>
public sealed partial class ParamEmailGraphType : TotaraScalarGraphType
{
    public ParamEmailGraphType()
        : base("param_email", "Input parameter equivalent to PARAM_EMAIL, '' is converted to NULL.")
    {
    }

    /// <summary>The address rule: dot-atom local part, '@', a domain of at least two labels.</summary>
    public static bool IsValidEmail(string address) => address.Length <= 254 && EmailPattern().IsMatch(address);

    protected override object? ParseInput(object? value)
    {
        if (value is null or "") return null;
        if (value is not string address || !IsValidEmail(address)) throw Invalid();
        return address;
    }

    public override object? Serialize(object? value) => value?.ToString();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();
}
