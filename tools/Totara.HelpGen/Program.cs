using System.Text.RegularExpressions;
using Totara.HelpGen;

// Usage: Totara.HelpGen --docs <folder of Verb-Noun.md pages> --output <path of the .dll-Help.xml>
// Exit code 0 when the MAML was written; 1 with "page(line): error HELP001: [section] problem"
// lines (MSBuild's error format, so the build shows them) when a page is bad; 2 on bad arguments.

string? docs = null, output = null;
for (int i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--docs": docs = args[i + 1]; break;
        case "--output": output = args[i + 1]; break;
        default: return Usage($"unknown argument '{args[i]}'");
    }
}
if (docs is null || output is null || args.Length % 2 != 0) return Usage("both --docs and --output are required");

// A missing docs folder gives an empty (valid) help file: a module without pages yet still builds.
var commandPage = new Regex(@"^[A-Z][A-Za-z]*-[A-Z][A-Za-z0-9]*\.md$");
var pages = (Directory.Exists(docs) ? Directory.GetFiles(docs, "*.md") : Array.Empty<string>())
    .Where(path => commandPage.IsMatch(Path.GetFileName(path)))
    .OrderBy(path => path, StringComparer.Ordinal)
    .ToList();

var commands = new List<CommandHelp>();
var failures = new List<HelpPageException>();
foreach (string page in pages)
{
    try { commands.Add(HelpPageParser.ParseFile(page)); }
    catch (HelpPageException failure) { failures.Add(failure); }
}
if (failures.Count > 0)
{
    foreach (var failure in failures) Console.WriteLine(failure.Message);
    return 1;
}

MamlWriter.Write(commands, output);
Console.WriteLine($"Totara.HelpGen: help for {commands.Count} command(s) -> {output}");
return 0;

static int Usage(string problem)
{
    Console.Error.WriteLine($"Totara.HelpGen: {problem}.");
    Console.Error.WriteLine("Usage: Totara.HelpGen --docs <folder> --output <file.dll-Help.xml>");
    return 2;
}
