using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Totara.Client.Pacing;
using Totara.Client.Resilience;

namespace Totara.Client.Transport;

/// <summary>
/// Runs one logical request: inside the retry pipeline, each attempt first waits for room in
/// the complexity ledger, then goes through the connection; the booking is settled when the
/// answer arrives, with what the answer shows was spent.
/// </summary>
internal sealed class RequestExecutor
{
    private readonly GraphQLConnection _connection;
    private readonly ComplexityLedger _ledger;
    private readonly ResiliencePipeline _pipeline;

    public RequestExecutor(GraphQLConnection connection, ComplexityLedger ledger, ResiliencePipeline pipeline)
    {
        _connection = connection;
        _ledger = ledger;
        _pipeline = pipeline;
    }

    public ComplexityLedger Ledger => _ledger;

    /// <summary>The answer (caller disposes it), or the typed exception after retries.</summary>
    public async Task<RawAnswer> SendAsync(GraphQLRequest request, bool isMutation, int estimatedCost, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(RetryPipelineFactory.IsMutation, isMutation);
        context.Properties.Set(RetryPipelineFactory.OperationName, request.OperationName);
        context.Properties.Set(RetryPipelineFactory.Elapsed, Stopwatch.StartNew());
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state.AttemptAsync(request, isMutation, estimatedCost, ctx.CancellationToken).ConfigureAwait(false),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<RawAnswer> AttemptAsync(GraphQLRequest request, bool isMutation, int estimatedCost, CancellationToken ct)
    {
        var booking = await _ledger.ReserveAsync(estimatedCost, ct).ConfigureAwait(false);
        RawAnswer answer;
        try
        {
            answer = await _connection.SendAsync(request, isMutation, ct).ConfigureAwait(false);
        }
        catch
        {
            // No answer (refused, failed or lost): the site may still have charged; keep the estimate.
            booking.Settle();
            throw;
        }
        booking.Settle(answer.Data is { } data
            ? Math.Max(ResponseCost.Measure(data, isMutation), MinimumCharge(answer, estimatedCost))
            : null);
        return answer;
    }

    // When the site stopped part-way (an error came with the data), it may have charged for
    // fields that are not in the answer: keep the estimate then.
    private static int MinimumCharge(RawAnswer answer, int estimatedCost) => answer.Errors.Count > 0 ? estimatedCost : 0;
}
