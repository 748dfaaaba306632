using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Polly;

namespace ConflictModule;

/// <summary>
/// Uses each conflicting package for real (Polly 7's retry, Polly.Core's pipeline,
/// System.Text.Json, IAsyncEnumerable, Memory&lt;T&gt;) and reports which copies it got.
/// </summary>
[Cmdlet(VerbsCommon.Get, "ConflictProbe")]
public sealed class GetConflictProbeCommand : PSCmdlet
{
    protected override void ProcessRecord()
    {
        int attempts = 0;
        string json = Policy.Handle<InvalidOperationException>().Retry(2).Execute(() =>
        {
            if (++attempts < 2) throw new InvalidOperationException("first try fails");
            return JsonSerializer.Serialize(new Dictionary<string, int> { ["attempts"] = attempts });
        });

        int pipelineAttempts = 0;
        var pipeline = new Polly.ResiliencePipelineBuilder()
            .AddRetry(new Polly.Retry.RetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.Zero })
            .Build();
        pipeline.Execute(() => { if (++pipelineAttempts < 2) throw new InvalidOperationException("first try fails"); });

        int sum = SumAsync(Numbers(4)).GetAwaiter().GetResult();
        var memory = new Memory<byte>(new byte[] { 1, 2, 3 });

        var probe = new PSObject();
        probe.Properties.Add(new PSNoteProperty("Json", json));
        probe.Properties.Add(new PSNoteProperty("PollyAttempts", attempts));
        probe.Properties.Add(new PSNoteProperty("PipelineAttempts", pipelineAttempts));
        probe.Properties.Add(new PSNoteProperty("AsyncSum", sum));
        probe.Properties.Add(new PSNoteProperty("MemoryLength", memory.Span.Length));
        probe.Properties.Add(new PSNoteProperty("Polly", FileVersion(typeof(Policy))));
        probe.Properties.Add(new PSNoteProperty("PollyCore", FileVersion(typeof(Polly.ResiliencePipeline))));
        probe.Properties.Add(new PSNoteProperty("SystemTextJson", FileVersion(typeof(JsonSerializer))));
        WriteObject(probe);
    }

    // Assembly versions stay at x.0.0.0 across a major version; the file version tells them apart.
    private static string FileVersion(Type type) =>
        System.Diagnostics.FileVersionInfo.GetVersionInfo(type.Assembly.Location).FileVersion ?? "";

    private static async IAsyncEnumerable<int> Numbers(int count)
    {
        for (int i = 1; i <= count; i++)
        {
            await Task.Yield();
            yield return i;
        }
    }

    private static async Task<int> SumAsync(IAsyncEnumerable<int> numbers)
    {
        int sum = 0;
        await foreach (int n in numbers) sum += n;
        return sum;
    }
}
