using System;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Pacing;

namespace Totara.Client.Transport;

/// <summary>
/// Sends a caller's document: works out whether it is a mutation and what it will cost, then
/// runs it through the executor. A mutation whose answer was lost is reported as such, never
/// resent blindly.
/// </summary>
internal sealed class OperationRunner
{
    // When our reader cannot follow a document, assume the worst: a mutation of moderate cost.
    private const int UnreadableDocumentCost = 100;

    private readonly RequestExecutor _executor;
    private readonly ComplexityEstimator _estimator;

    public OperationRunner(RequestExecutor executor, ComplexityEstimator estimator)
    {
        _executor = executor;
        _estimator = estimator;
    }

    public async Task<RawAnswer> SendAsync(GraphQLRequest request, CancellationToken ct)
    {
        var estimate = EstimateOrWorst(request);
        try
        {
            var answer = await _executor.SendAsync(request, new RequestCharge(estimate.IsMutation, estimate.Points, estimate.RootFields), ct).ConfigureAwait(false);
            var failure = ErrorMapper.RequestFailure(answer);
            if (failure is null)
                return answer;
            answer.Dispose();
            throw failure;
        }
        catch (TotaraRateLimitException ex) when (estimate.IsMutation && estimate.RootFields > 1)
        {
            // client_rate_limit middleware checks before every root field: the 429 may have come after some ran.
            throw new TotaraRateLimitException(
                $"Mutation {request.OperationName ?? "(unnamed)"} was cut off by the rate limit (429); its first root fields may have been applied (state unknown). {ex.Message}");
        }
        catch (TotaraConnectionException ex) when (estimate.IsMutation && ex.AnswerLost)
        {
            throw new TotaraConnectionException(
                $"The answer to mutation {request.OperationName ?? "(unnamed)"} was lost; it may or may not have been applied (state unknown). {ex.Message}",
                answerLost: true, ex);
        }
    }

    /// <summary>Sends a query and returns the answer as it came, even without data (the handshake reads the errors).</summary>
    public Task<RawAnswer> SendRawAsync(GraphQLRequest request, CancellationToken ct)
    {
        var estimate = EstimateOrWorst(request);
        return _executor.SendAsync(request, new RequestCharge(estimate.IsMutation, estimate.Points, estimate.RootFields), ct);
    }

    private Estimate EstimateOrWorst(GraphQLRequest request)
    {
        try
        {
            return _estimator.Estimate(request);
        }
        catch (FormatException)
        {
            return new Estimate(isMutation: true, UnreadableDocumentCost);
        }
    }
}
