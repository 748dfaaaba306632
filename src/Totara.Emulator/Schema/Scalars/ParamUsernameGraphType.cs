using System.Text.RegularExpressions;

namespace Totara.Emulator.Schema.Scalars;

/// <summary>
/// param_username: PARAM_USERNAME input. '' is null. Totara refuses any value its cleaning would
/// change, so a username must already be lower case, untrimmed-free and made of a-z, 0-9 and
/// the characters - . _ @ (the site default, extended username characters off).
/// </summary>
public sealed partial class ParamUsernameGraphType : TotaraScalarGraphType
{
    public ParamUsernameGraphType()
        : base("param_username", "Input parameter equivalent to PARAM_USERNAME, '' is converted to NULL.")
    {
    }

    public static bool IsValidUsername(string username) => UsernamePattern().IsMatch(username);

    protected override object? ParseInput(object? value)
    {
        if (value is null or "") return null;
        if (value is not string username || !IsValidUsername(username)) throw Invalid();
        return username;
    }

    public override object? Serialize(object? value) => value?.ToString();

    [GeneratedRegex(@"^[-.@_a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex UsernamePattern();
}
