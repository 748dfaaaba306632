using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Auth;
using Totara.Client.Batching;
using Totara.Client.Cohorts;
using Totara.Client.Courses;
using Totara.Client.Goals;
using Totara.Client.Handshake;
using Totara.Client.JobAssignments;
using Totara.Client.Pacing;
using Totara.Client.Paging;
using Totara.Client.Resilience;
using Totara.Client.Transport;
using Totara.Client.Users;

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
    private CohortsClient? _cohorts;
    private JobAssignmentsClient? _jobAssignments;
    private CoursesClient? _courses;
    private GoalsClient? _goals;
    private IReadOnlyList<string>? _clientIds;

    /// <summary>Makes a client for one site. Nothing is sent yet: call <see cref="SignInAsync"/> or <see cref="HandshakeAsync"/> to find a wrong URL or secret at once.</summary>
    /// <param name="options">The site, the credentials and the limits to respect; checked here and read, not copied, afterwards.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A budget, the maximum complexity, the batch share, the retry count or the request timeout in <paramref name="options"/> is out of range.</exception>
    public TotaraClient(TotaraClientOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();

        var handler = options.HttpHandler ?? HttpHandlerFactory.Create(options);
        _http = new HttpClient(handler, disposeHandler: options.HttpHandler is null) { Timeout = Timeout.InfiniteTimeSpan };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);

        var siteRoot = SiteRoot(options.SiteUrl);
        var rules = new RetryRules(options.RateLimitBaseDelay, options.TransientBaseDelay, options.MaxRetryDelay);
        var pipeline = RetryPipelineFactory.Create(options, rules, args => Retrying?.Invoke(this, args));
        _executor = new RequestExecutor(BuildLanes(options, siteRoot), pipeline);
        _runner = new OperationRunner(_executor, _estimator);
    }

    /// <summary>One lane per API client; with several, a site pacer they all book in (its window opener goes through whichever client has room).</summary>
    private ClientLanes BuildLanes(TotaraClientOptions options, Uri siteRoot)
    {
        ClientLanes? lanes = null;
        ComplexityLedger? site = null;
        if (options.Credentials.Count > 1)
            site = new ComplexityLedger(options.SiteComplexityBudgetPerMinute, options.Clock, new StatusQueryWindowOpener(() => lanes!.Choose(), () => site));
        var all = new List<ClientLane>();
        foreach (var credential in options.Credentials)
        {
            AccessTokenSource tokens = credential switch
            {
                TotaraCredential.ClientCredentials c => new ClientCredentialsTokenSource(
                    new TokenEndpoint(_http, siteRoot, c.ClientId, c.Secret, options.RequestTimeout), options.TokenRenewalMargin, options.Clock),
                TotaraCredential.AccessTokenCredential t => new FixedTokenSource(t.Token),
                _ => throw new ArgumentException("Unknown credential kind.", nameof(options)),
            };
            var connection = new GraphQLConnection(_http, siteRoot, tokens, options.RequestTimeout);
            all.Add(new ClientLane(credential.ClientId, tokens, connection, options.ComplexityBudgetPerMinute, options.Clock, site));
        }
        lanes = new ClientLanes(all, site);
        return lanes;
    }

    /// <summary>The options the client was made with; the limits are read from here on every request.</summary>
    public TotaraClientOptions Options { get; }

    /// <summary>The users area (core_user_*): typed reads, lists and batched create/update/delete.</summary>
    public UsersClient Users => _users ??= new UsersClient(this);

    /// <summary>The complexity one batched request may use: the site's limit times the batch share.</summary>
    public int BatchComplexityLimit => Math.Max(1, (int)(Options.MaxComplexity * Options.BatchComplexityShare));

    /// <summary>
    /// The one sizing rule of every area: how many operations of this many points fit in one batched
    /// request. Each area's <c>OperationsPerRequest</c> gives it its operations' cost.
    /// </summary>
    public int OperationsPerRequest(int pointsPerOperation) => Math.Max(1, BatchComplexityLimit / Math.Max(1, pointsPerOperation));

    /// <summary>The audiences area (core_cohort_*): lists, look-ups and batched membership changes.</summary>
    public CohortsClient Cohorts => _cohorts ??= new CohortsClient(this);

    /// <summary>The job assignments area (totara_job_*): lists, a user's assignments, batched create/update/delete.</summary>
    public JobAssignmentsClient JobAssignments => _jobAssignments ??= new JobAssignmentsClient(this);

    /// <summary>The courses area: the course list, manual enrolment and course completion.</summary>
    public CoursesClient Courses => _courses ??= new CoursesClient(this);

    /// <summary>The goals area (perform_goal_*): a user's goals and batched create/update/progress/delete.</summary>
    public GoalsClient Goals => _goals ??= new GoalsClient(this);

    /// <summary>Raised before each retry: attempt, delay, reason (never a secret), operation name.</summary>
    public event EventHandler<TotaraRetryEventArgs>? Retrying;

    /// <summary>Complexity points booked in the current 60 s window: the one API client's, or with several, the site's across them all.</summary>
    public long ComplexitySpentInWindow => _executor.Lanes.SpentInWindow;

    /// <summary>The API client ids requests are spread over (empty for a pre-issued access token).</summary>
    public IReadOnlyList<string> ClientIds => _clientIds ??= _executor.Lanes.All.Where(l => l.ClientId is not null).Select(l => l.ClientId!).ToList();

    /// <summary>
    /// Gets a token for every API client now, so a wrong secret is found at connect rather than
    /// part-way through a bulk run; the error names the client id, never its secret.
    /// </summary>
    public async Task SignInAsync(CancellationToken ct = default)
    {
        foreach (var lane in _executor.Lanes.All)
        {
            try
            {
                await lane.Tokens.GetAsync(ct).ConfigureAwait(false);
            }
            catch (TotaraAuthenticationException ex) when (_executor.Lanes.All.Count > 1)
            {
                throw new TotaraAuthenticationException($"{lane}: {ex.Message}", ex.Category, ex.DebugMessage, ex.StatusCode, ex);
            }
        }
    }

    /// <summary>GraphQL requests this client has sent over all its API clients (each retry counts), for budget logs.</summary>
    public long RequestsSent => _executor.Lanes.RequestsSettled;

    /// <summary>Complexity points this client's requests cost, as the client counted them (the site's figure where an answer showed it).</summary>
    public long ComplexityPointsSpent => _executor.Lanes.PointsSettled;

    /// <summary>
    /// Proves the token and the endpoint with one <c>totara_webapi_status</c> query. The operations
    /// listed come from the bundled schema, not from the site (it usually refuses introspection).
    /// </summary>
    /// <exception cref="TotaraException">The site refused the token, could not be reached, or answered without a status.</exception>
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

    /// <summary>Releases the HTTP client (and the handler the client made itself; a handler passed in <see cref="TotaraClientOptions.HttpHandler"/> is left to its owner).</summary>
    public void Dispose() => _http.Dispose();

    /// <inheritdoc/>
    public override string ToString() => Options.Credentials.Count == 1
        ? $"Totara client for {Options.SiteUrl} ({Options.Credential})"
        : $"Totara client for {Options.SiteUrl} ({Options.Credentials.Count} API clients: {string.Join(", ", ClientIds)})";

    // Relative URIs resolve against the site's folder, so a site under /totara/ keeps its path.
    private static Uri SiteRoot(Uri site) =>
        site.AbsoluteUri.EndsWith("/", StringComparison.Ordinal) ? site : new Uri(site.AbsoluteUri + "/");
}
