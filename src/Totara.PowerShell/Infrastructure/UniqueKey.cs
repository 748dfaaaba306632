namespace Totara.PowerShell.Infrastructure;

/// <summary>
/// A key that must be unique within one command's input, e.g. username 'jsmith': a second record
/// with the same key is refused before sending, as it would name the same thing twice.
/// </summary>
internal readonly struct UniqueKey
{
    public UniqueKey(string name, string value, string? field)
    {
        Name = name;
        Value = value;
        Field = field;
    }

    /// <summary>How messages name the key, e.g. "username".</summary>
    public string Name { get; }

    public string Value { get; }

    /// <summary>The parameter (property) the key came from, for the error's field, e.g. "Username".</summary>
    public string? Field { get; }
}
