namespace Totara.Benchmarks.Reporting;

/// <summary>What one scenario measured: its figures, its goal, and whether the goal was met.</summary>
internal sealed class ScenarioReport
{
    public ScenarioReport(int number, string title) { Number = number; Title = title; }

    public int Number { get; }
    public string Title { get; }

    /// <summary>Figure name → value as shown, in the order measured.</summary>
    public List<(string Name, string Value)> Figures { get; } = new();

    /// <summary>Goal text → met or not.</summary>
    public List<(string Goal, bool Met, string Measured)> Goals { get; } = new();

    /// <summary>Method notes: what exactly was run, how a figure was derived.</summary>
    public List<string> Notes { get; } = new();

    public ScenarioReport Add(string name, string value) { Figures.Add((name, value)); return this; }

    public ScenarioReport Goal(string goal, bool met, string measured) { Goals.Add((goal, met, measured)); return this; }

    public ScenarioReport Note(string note) { Notes.Add(note); return this; }

    public void Print(TextWriter writer)
    {
        writer.WriteLine();
        writer.WriteLine($"== Scenario {Number}: {Title}");
        foreach (var (name, value) in Figures) writer.WriteLine($"   {name,-48} {value}");
        foreach (var (goal, met, measured) in Goals) writer.WriteLine($"   goal {goal}: {(met ? "MET" : "NOT MET")} ({measured})");
    }
}

internal static class Format
{
    public static string Seconds(double seconds) => seconds < 1 ? $"{seconds * 1000:0} ms" : $"{seconds:0.00} s";
    public static string Count(long n) => n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
    public static string Ratio(double r) => $"{r:0.0}×";
    public static string Megabytes(long bytes) => $"{bytes / 1048576.0:0.0} MB";
}
