namespace Totara.Pester.Tests;

/// <summary>
/// Every Pester test in tests/Pester, run in real pwsh 7.6.10 against the built module and the
/// standalone emulator, as one xunit test each: a failure shows Pester's own message.
/// </summary>
public sealed class PesterTests
{
    /// <summary>Rows are (file, Pester's full test name), found by Pester's discovery.</summary>
    public static TheoryData<string, string> Tests()
    {
        var data = new TheoryData<string, string>();
        PesterReport discovered;
        try
        {
            discovered = PesterSuite.Discover();
        }
        catch (Exception ex)
        {
            data.Add("(discovery)", ex.Message);
            return data;
        }
        foreach (var test in Unique(discovered.Tests)) data.Add(test.File, test.Name);
        foreach (var failed in discovered.Containers.Where(c => c.Result == "Failed")) data.Add(failed.File, "(discovery)");
        return data;
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public void Pester(string file, string test)
    {
        if (file == "(discovery)") Assert.Fail($"Pester discovery failed: {test}");
        if (test == "(discovery)")
        {
            var discovered = PesterSuite.Discover().Containers.First(c => c.File == file);
            Assert.Fail($"{file} failed during discovery:\n{discovered.Message}");
        }

        var report = PesterSuite.Results;
        var result = Unique(report.Tests).SingleOrDefault(t => t.File == file && t.Name == test);
        var container = report.Containers.FirstOrDefault(c => c.File == file);
        if (result is null)
            Assert.Fail($"{file}: '{test}' was not run.{ContainerError(container)}");
        switch (result.Result)
        {
            case "Passed":
                return;
            case "Failed":
                Assert.Fail(result.Message.Length > 0 ? result.Message : $"Failed without a message.{ContainerError(container)}");
                break;
            default:
                Assert.Fail($"Pester reported '{result.Result}', not Passed.{ContainerError(container)}");
                break;
        }
    }

    [Fact]
    public void Every_Pester_file_ran_to_the_end()
    {
        // A file whose tests fail is "Failed" too; a file is broken when it has errors of its own
        // (BeforeAll, AfterAll) or never got to run.
        var failed = PesterSuite.Results.Containers.Where(c => c.Message.Length > 0 || c.Result is not ("Passed" or "Failed")).ToList();
        Assert.True(failed.Count == 0, string.Join("\n\n", failed.Select(c => $"{c.File}: {c.Result}\n{c.Message}")));
    }

    private static string ContainerError(PesterContainerRecord? container) =>
        container is { Message.Length: > 0 } ? $"\n{container.File}: {container.Message}" : "";

    /// <summary>Pester allows two tests of one name; number the later ones so each is its own row.</summary>
    private static IEnumerable<PesterTestRecord> Unique(IEnumerable<PesterTestRecord> tests) =>
        tests.GroupBy(t => (t.File, t.Name))
            .SelectMany(group => group.Select((t, index) => index == 0 ? t : t with { Name = $"{t.Name} #{index + 1}" }));
}
