namespace Totara.HelpGen;

/// <summary>Everything one cmdlet's help page says, read from its markdown page.</summary>
public sealed class CommandHelp
{
    public CommandHelp(string name) => Name = name;

    public string Name { get; }
    public string Verb => Name.Substring(0, Name.IndexOf('-'));
    public string Noun => Name.Substring(Name.IndexOf('-') + 1);
    public List<string> Synopsis { get; } = new();
    public List<string> Description { get; } = new();
    public List<SyntaxSet> Syntax { get; } = new();
    public List<ExampleHelp> Examples { get; } = new();
    public List<ParameterHelp> Parameters { get; } = new();
    public List<TypeHelp> Inputs { get; } = new();
    public List<TypeHelp> Outputs { get; } = new();
    public List<string> Notes { get; } = new();
    public List<RelatedLink> RelatedLinks { get; } = new();
}

/// <summary>One parameter set's syntax block; <see cref="SetName"/> is null when the page has one set.</summary>
public sealed record SyntaxSet(string? SetName, string Text, IReadOnlyList<string> ParameterNames);

public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);

public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

/// <summary>A related link; <see cref="Uri"/> is empty for links to other pages of these docs.</summary>
public sealed record RelatedLink(string Text, string Uri);

public sealed class ParameterHelp
{
    public ParameterHelp(string name) => Name = name;

    public string Name { get; }
    public List<string> Description { get; } = new();
    public string Type { get; set; } = "";
    /// <summary>Set names, or empty when the parameter is in every set ("(All)").</summary>
    public List<string> ParameterSets { get; } = new();
    public List<string> Aliases { get; } = new();
    public bool Required { get; set; }
    /// <summary>"named" or the position number.</summary>
    public string Position { get; set; } = "named";
    public string DefaultValue { get; set; } = "None";
    public string PipelineInput { get; set; } = "False";
    public bool Globbing { get; set; }
    public bool IsSwitch => Type.Equals("SwitchParameter", StringComparison.OrdinalIgnoreCase);

    public bool IsIn(string? setName) =>
        ParameterSets.Count == 0 || setName is null ||
        ParameterSets.Contains(setName, StringComparer.OrdinalIgnoreCase);
}
