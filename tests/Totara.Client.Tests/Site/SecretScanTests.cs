using Totara.Client.Tests.Support;
using Totara.Emulator;

namespace Totara.Client.Tests.Site;

/// <summary>Provokes every kind of failure against the emulator and scans all the text the client produced.</summary>
public sealed class SecretScanTests
{
    [Fact]
    public async Task No_text_the_client_produces_contains_the_secret_or_an_access_token()
    {
        await using var site = await TestSite.StartAsync(o => o.MaxComplexity = 9, c => c.MaxRetryAttempts = 1);
        var preIssued = site.Host.IssueToken(TestSite.ClientId);
        var texts = new List<string>();
        async Task Capture(Func<Task> action)
        {
            try { await action(); }
            catch (Exception ex) { texts.Add(ex.ToString()); }
        }

        var withSecret = site.Client;
        var withToken = site.NewClient(credential: TotaraCredential.FromAccessToken(preIssued));
        var wrongSecret = site.NewClient(credential: TotaraCredential.FromClientCredentials(TestSite.ClientId, TestSite.Secret + "x"));

        site.Host.Switches.EnqueueFaults(FaultKind.ServerError, FaultKind.ServerError);
        await Capture(() => withSecret.ExecuteAsync(Documents.StatusRequest()));
        site.Host.Switches.EnqueueFaults(FaultKind.TooManyRequests, FaultKind.TooManyRequests);
        await Capture(() => withSecret.ExecuteAsync(Documents.StatusRequest()));
        site.Host.Switches.EnqueueFaults(FaultKind.DropBeforeExecute, FaultKind.DropAfterExecute);
        await Capture(() => withSecret.ExecuteAsync(Documents.StatusRequest()));
        await Capture(() => withSecret.ExecuteAsync(new GraphQLRequest("query { no_such_field }")));
        await Capture(() => wrongSecret.ExecuteAsync(Documents.StatusRequest()));
        site.Host.Switches.EnqueueFaults(FaultKind.DropAfterExecute);
        var batch = await withSecret.ExecuteBatchAsync(Documents.CreateUsers(site.Host, "scan", 2, recoverable: false)).ToListAsync();
        site.Host.Switches.ExpireAllTokens();
        await Capture(() => withToken.ExecuteAsync(Documents.StatusRequest()));

        texts.AddRange(site.Retries.Select(r => r + " " + r.Reason));
        texts.AddRange(batch.Select(r => r + " " + r.Error));
        texts.AddRange(new[] { withSecret.ToString(), withToken.ToString(), withSecret.Options.Credential.ToString()!, withToken.Options.Credential.ToString()! });

        Assert.True(texts.Count >= 12, $"only {texts.Count} texts captured");
        Assert.Contains(texts, t => t.Contains("Client authentication failed"));
        Assert.Contains(texts, t => t.Contains("Missing, expired or invalid access token"));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain(TestSite.Secret, t);
            Assert.DoesNotContain(preIssued, t);
        });
    }
}
