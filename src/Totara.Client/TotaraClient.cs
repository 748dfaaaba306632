using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Auth;
using Totara.Client.Batching;
using Totara.Client.Handshake;
using Totara.Client.JobAssignments;
using Totara.Client.Pacing;
using Totara.Client.Paging;
using Totara.Client.Resilience;
using Totara.Client.Transport;
using Totara.Client.Users;
using Totara.Client.Courses;
using Totara.Client.Goals;

namespace Totara.Client;

/// <summary>
/// The one client every cmdlet stands on: tokens, the GraphQL transport, retries, pacing to the
/// complexity budget, paging, batching and the handshake. Thread-safe; one HttpClient per client.
/// </summary>
public sealed class TotaraClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly ComplexityEstimator _estimator = new();
    private readonly RequestExecutor _executor;
    private readonly OperationRunner _runner;
    private UsersClient? _users;
    private JobAssignmentsClient? _jobAssignments;
    private CoursesClient? _courses;
    private GoalsClient? _goals;

    public TotaraClient(TotaraClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();

        var handler = options.HttpHandler ?? HttpHandlerFactory.Create(options);
        _http = new HttpClient(handler, disposeHandler: options.HttpHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);

        var siteRoot = SiteRoot(options.SiteUrl);
        AccessTokenSource tokens = options.Credential switch
        {
            TotaraCredential.ClientCredentials c => new ClientCredentialsTokenSource(
                new TokenEndpoint(_http, siteRoot, c.ClientId, c.Secret, options.RequestTimeout), options.TokenRenewalMargin, options.Clock),
            TotaraCredential.AccessTokenCredential t => new FixedTokenSource(t.Token),
            _ => throw new ArgumentException("Unknown credential kind.", nameof(options)),
        };

        var connection = new GraphQLConnection(_http, siteRoot, tokens, options.RequestTimeout);
        var rules = new RetryRules(options.RateLimitBaseDelay, options.TransientBaseDelay, options.MaxRetryDelay);
        var pipeline = RetryPipelineFactory.Create(options, rules, args => Retrying?.Invoke(this, args));
        _executor = new RequestExecutor(connection, new ComplexityLedger(options.ComplexityBudgetPerMinute, options.Clock, new StatusQueryWindowOpener(connection)), pipeline);
        _runner = new OperationRunner(_executor, _estimator);
    }

    public TotaraClientOptions Options { get; }

    /// <summary>The users area (core_user_*): typed reads, lists and batched create/update/delete.</summary>
    public UsersClient Users => _users ??= new UsersClient(this);

    /// <summary>The job assignments area (totara_job_*): lists, a user's assignments, batched create/update/delete.</summary>
    public JobAssignmentsClient JobAssignments => _jobAssignments ??= new JobAssignmentsClient(this);

    /// <summary>The courses area: the course list, manual enrolment and course completion.</summary>
    public CoursesClient Courses => _courses ??= new CoursesClient(this);

    /// <summary>The goals area (perform_goal_*): a user's goals and batched create/update/progress/delete.</summary>
    public GoalsClient Goals => _goals ??= new GoalsClient(this);

    /// <summary>Raised before each retry: attempt, delay, reason (never a secret), operation name.</summary>
    public event EventHandler<TotaraRetryEventArgs>? Retrying;

    /// <summary>Complexity points booked by this client in the current 60 s window.</summary>
    public long ComplexitySpentInWindow => _executor.Ledger.SpentInWindow;

    /// <summary>GraphQL requests this client has sent (each retry counts), for budget logs.</summary>
    public long RequestsSent => _executor.Ledger.RequestsSettled;

    /// <summary>Complexity points this client's requests cost, as the client counted them (the site's figure where an answer showed it).</summary>
    public long ComplexityPointsSpent => _executor.Ledger.PointsSettled;

    public Task<TotaraSiteInfo> HandshakeAsync(CancellationToken ct = default) =>
        new SiteProbe(_runner).RunAsync(ct);

    /// <summary>
    /// Sends one request. Request-level failures throw typed exceptions; per-field (alias)
    /// errors stay in <see cref="GraphQLResponse.Errors"/> with their path.
    /// </summary>
    public async Task<GraphQLResponse> ExecuteAsync(GraphQLRequest request, CancellationToken ct = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        using var answer = await _runner.SendAsync(request, ct).ConfigureAwait(false);
        return answer.ToResponse();
    }

    /// <summary>
    /// Streams every item of the cursor-paged list at <c>data.&lt;listField&gt;.items</c>, following
    /// <c>next_cursor</c> through <paramref name="cursorVariable"/>. A page is fetched only when
    /// the previous one has been consumed.
    /// </summary>
    public IAsyncEnumerable<JsonElement> PageAsync(GraphQLRequest request, string listField, string cursorVariable = "cursor", CancellationToken ct = default)
    {
        if (request is null) throw new ArgumentNullException(nameof(request));
        if (string.IsNullOrWhiteSpace(listField)) throw new ArgumentException("The list field is empty.", nameof(listField));
        if (string.IsNullOrWhiteSpace(cursorVariable)) throw new ArgumentException("The cursor variable is empty.", nameof(cursorVariable));
        return new Pager(_runner).PageAsync(request, listField, cursorVariable, ct);
    }

    /// <summary>
    /// Packs operations into aliased requests sized under the complexity limit and paced to the
    /// budget; yields one result per operation, in input order, as batches complete.
    /// </summary>
    public IAsyncEnumerable<BatchItemResult> ExecuteBatchAsync(IEnumerable<BatchOperation> operations, CancellationToken ct = default)
    {
        if (operations is null) throw new ArgumentNullException(nameof(operations));
        // A batch never takes more than half the minute's budget, so pacing can keep requests flowing.
        var limit = Math.Max(1, (int)Math.Min(Options.MaxComplexity * Options.BatchComplexityShare, Options.ComplexityBudgetPerMinute * 0.45));
        return new BatchRunner(_executor, _estimator, limit, Options.MaxRetryAttempts).RunAsync(operations, ct);
    }

    /// <summary>
    /// The largest page size (up to <paramref name="maximum"/>) whose request stays within the
    /// batch share of the site's complexity limit, for items selected as <paramref name="itemSelection"/>
    /// (e.g. <c>{ id username email }</c>). Totara charges 1 per field per item.
    /// </summary>
    public int PageSizeFor(string itemSelection, int maximum = 1000)
    {
        if (maximum < 1) throw new ArgumentOutOfRangeException(nameof(maximum), maximum, "The maximum page size must be at least 1.");
        var perItem = Math.Max(1, _estimator.EstimateRootField(false, itemSelection ?? "", Array.Empty<object?>()) - ComplexityEstimator.QueryRootCost);
        // Root field, items, total and next_cursor come on top of the items.
        var room = Options.MaxComplexity * Options.BatchComplexityShare - ComplexityEstimator.QueryRootCost - 3;
        return (int)Math.Max(1, Math.Min(maximum, Math.Floor(room / perItem)));
    }

    public void Dispose() => _http.Dispose();

    public override string ToString() => $"Totara client for {Options.SiteUrl} ({Options.Credential})";

    // Relative URIs resolve against the site's folder, so a site under /totara/ keeps its path.
    private static Uri SiteRoot(Uri site) =>
        site.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? site : new Uri(site.AbsoluteUri + "/");
}
