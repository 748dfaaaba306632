using System.Management.Automation;
using System.Text;

namespace Totara.PowerShell.Tests.Cmdlets;

/// <summary>What one script run in a hosted runspace produced, stream by stream.</summary>
internal sealed class ScriptRun
{
    public required IReadOnlyList<PSObject> Output { get; init; }

    /// <summary>Non-terminating errors, then the terminating one (if the script stopped).</summary>
    public required IReadOnlyList<ErrorRecord> Errors { get; init; }

    public required IReadOnlyList<string> Verbose { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public required IReadOnlyList<string> Other { get; init; }

    /// <summary>Each output object as text (null as an empty string).</summary>
    public string[] OutputText() => Output.Select(o => o?.ToString() ?? string.Empty).ToArray();

    public void AssertNoErrors()
    {
        if (Errors.Count == 0) return;
        Assert.Fail("The script wrote errors:\n" + string.Join("\n", Errors.Select(e => $"{e.FullyQualifiedErrorId}: {e.Exception}")));
    }

    /// <summary>Fails when <paramref name="text"/> appears anywhere the user could see it.</summary>
    public void AssertTextAbsent(string text)
    {
        var everything = Everything();
        Assert.False(everything.Contains(text, StringComparison.Ordinal), $"'{text}' appeared in the script's streams:\n{everything}");
    }

    private string Everything()
    {
        var all = new StringBuilder();
        foreach (var item in Output)
        {
            all.AppendLine(item?.ToString());
            if (item is null) continue;
            foreach (var property in item.Properties)
            {
                object? value;
                try { value = property.Value; } catch (GetValueException) { continue; }
                all.AppendLine($"{property.Name}={value}");
            }
        }

        foreach (var error in Errors)
        {
            all.AppendLine(error.ToString()).AppendLine(error.Exception.ToString()).AppendLine(error.CategoryInfo.ToString())
                .AppendLine(error.ErrorDetails?.ToString()).AppendLine(error.TargetObject?.ToString()).AppendLine(error.ScriptStackTrace);
        }

        foreach (var line in Verbose.Concat(Warnings).Concat(Other))
            all.AppendLine(line);
        return all.ToString();
    }
}
