using System.Xml;
using System.Xml.Linq;

namespace Totara.HelpGen;

/// <summary>
/// Writes commands' help as the MAML document PowerShell's Get-Help reads from
/// en-US/&lt;Assembly&gt;.dll-Help.xml (helpItems / command:command, as platyPS produces).
/// </summary>
public static class MamlWriter
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static XDocument Build(IEnumerable<CommandHelp> commands) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                new XAttribute(XNamespace.Xmlns + "maml", Maml),
                new XAttribute(XNamespace.Xmlns + "command", Command),
                new XAttribute(XNamespace.Xmlns + "dev", Dev),
                commands.OrderBy(command => command.Name, StringComparer.OrdinalIgnoreCase).Select(CommandElement)));

    /// <summary>
    /// Writes the help file, only when its content changes and then by replacing the file whole:
    /// every build of the module runs this, and tests in other processes read the file meanwhile
    /// (a file rewritten in place can be read half-written).
    /// </summary>
    public static void Write(IEnumerable<CommandHelp> commands, string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        using var content = new MemoryStream();
        using (var writer = XmlWriter.Create(content, settings))
            Build(commands).Save(writer);
        var bytes = content.ToArray();
        if (File.Exists(full) && File.ReadAllBytes(full).AsSpan().SequenceEqual(bytes)) return;
        var temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, full, overwrite: true);
    }

    private static XElement CommandElement(CommandHelp help) =>
        new(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", help.Name),
                new XElement(Command + "verb", help.Verb),
                new XElement(Command + "noun", help.Noun),
                Description(help.Synopsis)),
            Description(help.Description),
            new XElement(Command + "syntax", help.Syntax.Select(set => SyntaxItem(help, set))),
            new XElement(Command + "parameters", help.Parameters.Select(parameter => Parameter(parameter, setName: null))),
            new XElement(Command + "inputTypes", help.Inputs.Select(type =>
                new XElement(Command + "inputType", TypeElement(type.TypeName), Description(type.Description)))),
            new XElement(Command + "returnValues", help.Outputs.Select(type =>
                new XElement(Command + "returnValue", TypeElement(type.TypeName), Description(type.Description)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(help.Notes))),
            new XElement(Command + "examples", help.Examples.Select(Example)),
            new XElement(Maml + "relatedLinks", help.RelatedLinks.Select(link =>
                new XElement(Maml + "navigationLink",
                    new XElement(Maml + "linkText", link.Text),
                    new XElement(Maml + "uri", link.Uri)))));

    private static XElement SyntaxItem(CommandHelp help, SyntaxSet set) =>
        new(Command + "syntaxItem",
            new XElement(Maml + "name", help.Name),
            set.ParameterNames
                .Select(name => help.Parameters.First(parameter => parameter.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                .Select(parameter => Parameter(parameter, set.SetName)));

    private static XElement Parameter(ParameterHelp parameter, string? setName) =>
        new(Command + "parameter",
            new XAttribute("required", Lower(parameter.Required)),
            new XAttribute("variableLength", parameter.Type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", Lower(parameter.Globbing)),
            new XAttribute("pipelineInput", parameter.PipelineInput),
            new XAttribute("position", parameter.Position),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            Description(parameter.Description),
            // A switch takes no value, so Get-Help shows it as "-Name" rather than "-Name <SwitchParameter>".
            parameter.IsSwitch ? null : new XElement(Command + "parameterValue",
                new XAttribute("required", "true"), new XAttribute("variableLength", "false"), parameter.Type),
            TypeElement(parameter.Type),
            new XElement(Dev + "defaultValue", parameter.DefaultValue));

    private static XElement Example(ExampleHelp example, int index) =>
        new(Command + "example",
            new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", Paragraphs(example.Remarks)));

    private static XElement TypeElement(string typeName) =>
        new(Dev + "type", new XElement(Maml + "name", typeName), new XElement(Maml + "uri"));

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", Paragraphs(paragraphs));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(text => new XElement(Maml + "para", text));

    private static string Lower(bool value) => value ? "true" : "false";
}
