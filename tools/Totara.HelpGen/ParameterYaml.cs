namespace Totara.HelpGen;

/// <summary>
/// Reads a parameter's ```yaml block. platyPS writes flat "Key: value" lines, so this reads
/// exactly that rather than pulling in a YAML library.
/// </summary>
internal static class ParameterYaml
{
    private static readonly string[] RequiredKeys =
        { "Type", "Parameter Sets", "Required", "Position", "Accept pipeline input", "Accept wildcard characters" };

    public static void Apply(string yaml, ParameterHelp parameter, Func<string, Exception> error)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string rawLine in yaml.Split('\n'))
        {
            string line = rawLine.Trim();
            if (line.Length == 0) continue;
            int colon = line.IndexOf(':');
            if (colon <= 0) throw error($"'{line}' is not a 'Key: value' line.");
            values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
        foreach (string key in RequiredKeys)
        {
            if (!values.ContainsKey(key)) throw error($"the yaml block has no '{key}:' line.");
        }

        parameter.Type = values["Type"];
        if (parameter.Type.Length == 0) throw error("'Type:' is empty.");
        string sets = values["Parameter Sets"];
        if (sets.Length == 0) throw error("'Parameter Sets:' is empty (write (All) for every set).");
        if (!sets.Equals("(All)", StringComparison.OrdinalIgnoreCase))
            parameter.ParameterSets.AddRange(SplitList(sets));
        if (values.TryGetValue("Aliases", out string? aliases)) parameter.Aliases.AddRange(SplitList(aliases));
        parameter.Required = ReadBool(values["Required"], "Required", error);
        parameter.Globbing = ReadBool(values["Accept wildcard characters"], "Accept wildcard characters", error);
        parameter.Position = ReadPosition(values["Position"], error);
        parameter.PipelineInput = values["Accept pipeline input"];
        if (!parameter.PipelineInput.StartsWith("True", StringComparison.OrdinalIgnoreCase) &&
            !parameter.PipelineInput.Equals("False", StringComparison.OrdinalIgnoreCase))
            throw error($"'Accept pipeline input: {parameter.PipelineInput}' should be False or True (ByValue, ByPropertyName).");
        if (values.TryGetValue("Default value", out string? defaultValue) && defaultValue.Length > 0)
            parameter.DefaultValue = defaultValue;
    }

    private static IEnumerable<string> SplitList(string text) =>
        text.Split(',').Select(item => item.Trim()).Where(item => item.Length > 0);

    private static bool ReadBool(string text, string key, Func<string, Exception> error) =>
        text.Equals("True", StringComparison.OrdinalIgnoreCase) ? true
        : text.Equals("False", StringComparison.OrdinalIgnoreCase) ? false
        : throw error($"'{key}: {text}' should be True or False.");

    private static string ReadPosition(string text, Func<string, Exception> error)
    {
        if (text.Equals("Named", StringComparison.OrdinalIgnoreCase)) return "named";
        if (int.TryParse(text, out int position) && position >= 0) return position.ToString();
        throw error($"'Position: {text}' should be Named or a number.");
    }
}
