using System.Globalization;

namespace Totara.Emulator.Schema.Scalars;

/// <summary>PHP's is_number() and intval() as Totara's scalars use them.</summary>
internal static class NumericText
{
    /// <summary>True for an integer or a string of optional sign and digits (PHP is_number).</summary>
    public static bool IsNumber(object? value) => value switch
    {
        long => true,
        double d => d == Math.Floor(d) && !double.IsInfinity(d),
        string s => IsIntegerString(s),
        _ => false,
    };

    public static long ToLong(object value) => value switch
    {
        long l => l,
        double d => (long)d,
        string s => long.Parse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture),
        _ => throw new InvalidParameterException(),
    };

    private static bool IsIntegerString(string s)
    {
        if (s.Length == 0) return false;
        var start = s[0] is '-' or '+' ? 1 : 0;
        if (start == s.Length || s.Length - start > 18) return false;
        for (var i = start; i < s.Length; i++)
        {
            if (s[i] is < '0' or > '9') return false;
        }
        return true;
    }
}
