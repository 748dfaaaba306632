namespace Totara.HelpGen;

/// <summary>A help page that cannot become MAML: names the page, the section and what is wrong.</summary>
public sealed class HelpPageException : Exception
{
    public HelpPageException(string page, string section, int line, string problem)
        : base($"{page}({line}): error HELP001: [{section}] {problem}")
    {
        Page = page;
        Section = section;
        Line = line;
        Problem = problem;
    }

    public string Page { get; }
    public string Section { get; }
    /// <summary>1-based line of the page where the problem is.</summary>
    public int Line { get; }
    public string Problem { get; }
}
