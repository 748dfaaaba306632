using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Http;
using Totara.Emulator.Hosting;

namespace Totara.Emulator.Api;

/// <summary>
/// <c>POST /api/graphql.php</c>, in Totara's order: authenticate the bearer token, refuse
/// introspection the client is not allowed, check depth, then execute while counting complexity,
/// with the rate limit checked before every root field. Injected latency and faults wrap it all.
/// </summary>
internal sealed class GraphQlEndpoint
{
    private readonly ISchema _schema;
    private readonly Domain.EmulatorState _state;
    private readonly ClientRegistry _clients;
    private readonly RateLimiter _rateLimiter;
    private readonly EmulatorSwitches _switches;
    private readonly EmulatorCounters _counters;
    private readonly TimeProvider _clock;
    private readonly DocumentCache _documents;
    private readonly DocumentExecuter _executer;
    // Relaxed escaping writes quotes and apostrophes as themselves, as PHP's json_encode does
    // with the flags Totara uses, instead of \u0027.
    private readonly GraphQLSerializer _serializer;

    public GraphQlEndpoint(ISchema schema, Domain.EmulatorState state, ClientRegistry clients, RateLimiter rateLimiter, EmulatorSwitches switches, EmulatorCounters counters, TimeProvider clock)
    {
        _clock = clock;
        _schema = schema;
        _state = state;
        _clients = clients;
        _rateLimiter = rateLimiter;
        _switches = switches;
        _counters = counters;
        _serializer = new GraphQLSerializer(
            options => options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            new TotaraErrorInfoProvider(() => switches.ResponseDebug));
        _documents = new DocumentCache(schema);
        var strategy = new MeteredExecutionStrategy(counters);
        _executer = new DocumentExecuter(
            new GraphQLDocumentBuilder(),
            new DocumentValidator(),
            new DefaultExecutionStrategySelector(new[]
            {
                new ExecutionStrategyRegistration(strategy, OperationType.Query),
                new ExecutionStrategyRegistration(strategy, OperationType.Mutation),
            }),
            Array.Empty<GraphQL.DI.IConfigureExecution>());
    }

    public async Task HandleAsync(HttpContext http)
    {
        _counters.CountRequest();
        using var inFlight = _counters.TrackInFlight();
        var latency = _switches.LatencyMs;
        if (latency > 0)
        {
            await Task.Delay(latency, http.RequestAborted);
        }

        var (fault, drawn) = _switches.NextFault();
        switch (fault)
        {
            case FaultKind.ServerError:
                _counters.CountServerError();
                // Queued server errors are always 500; random ones are 500 or 503, like a web
                // server in front of an overloaded site.
                var status = drawn && _switches.NextServerErrorIsUnavailable()
                    ? StatusCodes.Status503ServiceUnavailable
                    : StatusCodes.Status500InternalServerError;
                await TotaraResponses.WriteControllerErrorAsync(http, status, TotaraResponses.InternalServerError);
                return;
            case FaultKind.TooManyRequests:
                await WriteTooManyRequestsAsync(http);
                return;
            case FaultKind.DropBeforeExecute:
                Drop(http);
                return;
        }

        var client = await AuthenticateAsync(http);
        if (client is null)
        {
            return;
        }

        var body = await ReadBodyAsync(http);
        // totara_webapi\processor: queryBatching is on, so a JSON array of operations runs each in
        // turn and answers an array of results.
        var requests = GraphQlRequestBody.TryReadAll(body, _serializer, out var batch, out var failure);
        if (requests is null)
        {
            await TotaraResponses.WriteFailedRequestAsync(http, failure!, _switches.ResponseDebug);
            return;
        }

        var analyses = requests.Select(r => _documents.Get(r.Query)).ToList();
        var results = new List<ExecutionResult>();
        for (var i = 0; i < requests.Count; i++)
        {
            var (result, refused) = await RunAsync(requests[i], analyses[i], client, fault, http.RequestAborted);
            if (refused)
            {
                // client_rate_limit / global_rate_limit: util::send_error('Too many requests', 429) replaces
                // the whole answer, though the root fields before the refusal were resolved (and committed).
                await WriteTooManyRequestsAsync(http);
                return;
            }
            results.Add(result);
        }

        if (fault == FaultKind.DropAfterExecute)
        {
            Drop(http);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        if (batch)
        {
            var text = "[" + string.Join(",", results.Select(r => _serializer.Serialize(r))) + "]";
            await http.Response.WriteAsync(text, http.RequestAborted);
        }
        else
        {
            await _serializer.WriteAsync(http.Response.Body, results[0], http.RequestAborted);
        }
    }

    // One operation: the depth rule, then execution with complexity counted, each root field
    // checking the rate limit first and spent points flushed as it runs. Refused: Totara's 429.
    private async Task<(ExecutionResult Result, bool Refused)> RunAsync(
        GraphQlRequestBody request, DocumentAnalysis analysis, ApiClientRecord client, FaultKind? fault, CancellationToken cancel)
    {
        // totara_webapi\endpoint_type\external: the depth rule (get_validation_rules) and, for a client
        // without introspection, disable_introspection (get_client_validation_rules). Validation errors
        // are client safe and answered with HTTP 200; nothing runs.
        var refusals = new ExecutionErrors();
        if (_switches.MaxDepth is { } depthLimit && analysis.Depth > depthLimit)
        {
            refusals.Add(new ValidationError($"Max query depth should be {depthLimit} but got {analysis.Depth}."));
        }

        if (analysis.Introspects && !client.AllowIntrospection)
        {
            refusals.Add(new ValidationError(TotaraResponses.IntrospectionDisabled));
        }

        if (refusals.Count > 0)
        {
            return (new ExecutionResult { Executed = false, Errors = refusals }, false);
        }

        var complexity = new ComplexityMeter(_switches.MaxComplexity);
        var rateCharge = new RequestRateCharge(_rateLimiter, client.ClientId, complexity)
        {
            RefuseAtRootField = fault == FaultKind.TooManyRequestsMidRequest ? analysis.RootFieldCount(request.OperationName) / 2 + 1 : null,
        };
        var context = new ApiRequestContext(client)
        {
            Complexity = complexity,
            RateCharge = rateCharge,
            ResolverLatency = TimeSpan.FromMilliseconds(_switches.ResolverLatencyMs),
            Clock = _clock,
        };
        var result = await ExecuteAsync(request, analysis, context, cancel);
        // handle_request_post_watcher: what was not flushed during the request is flushed at its end.
        rateCharge.Flush();
        _counters.AddPoints(complexity.Total);
        return (result, rateCharge.Refused);
    }

    private async Task<ExecutionResult> ExecuteAsync(GraphQlRequestBody request, DocumentAnalysis analysis, ApiRequestContext context, CancellationToken cancel)
    {
        var result = await _executer.ExecuteAsync(options =>
        {
            options.Schema = _schema;
            options.Query = request.Query;
            options.Document = analysis.Document;
            options.OperationName = request.OperationName;
            options.Variables = request.Variables;
            options.UserContext = context;
            options.CancellationToken = cancel;
            options.UnhandledExceptionDelegate = OnUnhandledException;
            // totara_webapi\server: the external endpoint runs only the depth and introspection
            // rules (checked above), none of GraphQL's standard validation.
            options.ValidationRules = Array.Empty<IValidationRule>();
        });

        if (context.MutationFailed && result.Errors is { } errors)
        {
            // Mutations skipped after the failure leave no trace, as in Totara, where they never start.
            var kept = errors.Where(error => error.InnerException is not MutationNotRunException).ToList();
            result.Errors = new ExecutionErrors();
            result.Errors.AddRange(kept);
        }

        return result;
    }

    // A resolver's TotaraApiException keeps its message; anything else reads as Totara does with
    // debugging off. The original exception stays attached for the category.
    private static Task OnUnhandledException(UnhandledExceptionContext context)
    {
        context.ErrorMessage = context.OriginalException is TotaraApiException totara
            ? totara.Message
            : TotaraResponses.InternalServerError;
        return Task.CompletedTask;
    }

    private async Task<ApiClientRecord?> AuthenticateAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        string? message = null;
        ApiClientRecord? client = null;
        if (string.IsNullOrEmpty(header))
        {
            message = TotaraResponses.MissingAuthorizationHeader;
        }
        else if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            || (client = _clients.Validate(header["Bearer ".Length..].Trim())) is null)
        {
            message = TotaraResponses.InvalidToken;
        }
        else if (!_clients.IsAddressAllowed(client, http.Connection.RemoteIpAddress))
        {
            // The API client's allowed IP addresses (see docs/emulator.md: the text is the issue's, Totara's class is not in the index).
            message = TotaraResponses.AddressBlocked(http.Connection.RemoteIpAddress);
            client = null;
        }
        else if (!ServiceUserIsValid(client))
        {
            message = TotaraResponses.ApiUserInvalid;
            client = null;
        }

        if (message is not null)
        {
            // totara_webapi\server::handle_request: the token error is a GraphQL error sent with HTTP 200.
            _counters.CountUnauthorized();
            await TotaraResponses.WriteFailedRequestAsync(http, RequestFailure.Authentication(message), _switches.ResponseDebug);
        }

        return client;
    }

    // A suspended or deleted service account cannot use the API.
    private bool ServiceUserIsValid(ApiClientRecord client) =>
        _state.Users.GetById(client.ServiceUserId) is not { } user || (!user.Suspended && !user.Deleted);

    private Task WriteTooManyRequestsAsync(HttpContext http)
    {
        _counters.CountTooManyRequests();
        return TotaraResponses.WriteControllerErrorAsync(http, StatusCodes.Status429TooManyRequests, TotaraResponses.TooManyRequests);
    }

    private void Drop(HttpContext http)
    {
        _counters.CountDrop();
        http.Abort();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return buffer.ToArray();
    }
}
