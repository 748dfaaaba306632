using System.Text.Json;

namespace Totara.Pester.Tests;

/// <summary>One Pester test as tests/Pester/Invoke-PesterSuite.ps1 reports it.</summary>
public sealed record PesterTestRecord(string File, string Name, string Result, string Message);

/// <summary>A Pester file's own outcome (a failing BeforeAll fails the file, not one test).</summary>
public sealed record PesterContainerRecord(string File, string Result, string Message);

public sealed record PesterReport(IReadOnlyList<PesterTestRecord> Tests, IReadOnlyList<PesterContainerRecord> Containers);

/// <summary>
/// Discovers and runs tests/Pester through Invoke-PesterSuite.ps1 in real pwsh. The suite runs
/// once per test process, split over two pwsh processes (each Pester file starts its own emulator).
/// </summary>
internal static class PesterSuite
{
    private const int Partitions = 2;
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(45);
    private static readonly Lazy<PesterReport> Ran = new(RunAll, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string Folder { get; } = Path.Combine(Pwsh.RepoRoot, "tests", "Pester");

    public static PesterReport Results => Ran.Value;

    public static PesterReport Discover() => Invoke(new[] { Folder }, discover: true);

    private static PesterReport RunAll()
    {
        var files = Directory.GetFiles(Folder, "*.Tests.ps1").OrderBy(f => f, StringComparer.Ordinal).ToList();
        var partitions = Enumerable.Range(0, Partitions)
            .Select(p => files.Where((_, index) => index % Partitions == p).ToArray())
            .Where(p => p.Length > 0)
            .Select(p => Task.Run(() => Invoke(p, discover: false)))
            .ToArray();
        Task.WaitAll(partitions);
        return new PesterReport(
            partitions.SelectMany(p => p.Result.Tests).ToList(),
            partitions.SelectMany(p => p.Result.Containers).ToList());
    }

    private static PesterReport Invoke(string[] paths, bool discover)
    {
        string resultPath = Path.Combine(Path.GetTempPath(), $"pester-{Guid.NewGuid():N}.json");
        var arguments = new List<string> { "-PesterManifest", Pwsh.PesterManifest, "-ResultPath", resultPath };
        if (discover) arguments.Add("-Discover");
        arguments.Add("-Path");
        arguments.Add(string.Join(Path.PathSeparator, paths));
        var (exitCode, output) = Pwsh.RunFile(Path.Combine(Folder, "Invoke-PesterSuite.ps1"), arguments, RunTimeout);
        try
        {
            if (!File.Exists(resultPath))
                throw new InvalidOperationException($"Invoke-PesterSuite.ps1 wrote no results (exit code {exitCode}):\n{output}");
            var report = JsonSerializer.Deserialize<PesterReport>(File.ReadAllText(resultPath), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? throw new InvalidOperationException("Invoke-PesterSuite.ps1 wrote an empty report.");
            return report with { Tests = report.Tests ?? [], Containers = report.Containers ?? [] };
        }
        finally
        {
            File.Delete(resultPath);
        }
    }
}
