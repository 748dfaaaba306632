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
    public async Task<RawAnswer> SendAsync(GraphQLRequest request, RequestCharge charge, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(RetryPipelineFactory.IsMutation, charge.IsMutation);
        context.Properties.Set(RetryPipelineFactory.ResendableAfterRateLimit, charge.ResendableAfterRateLimit);
        context.Properties.Set(RetryPipelineFactory.OperationName, request.OperationName);
        context.Properties.Set(RetryPipelineFactory.Elapsed, Stopwatch.StartNew());
        try
        {
            return await _pipeline.ExecuteAsync(
                async (ctx, state) => await state.AttemptAsync(request, charge, ctx.CancellationToken).ConfigureAwait(false),
                context,
                this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async Task<RawAnswer> AttemptAsync(GraphQLRequest request, RequestCharge charge, CancellationToken ct)
    {
        var booking = await _ledger.ReserveAsync(charge.Estimate, ct).ConfigureAwait(false);
        RawAnswer answer;
        try
        {
            answer = await _connection.SendAsync(request, charge.IsMutation, ct).ConfigureAwait(false);
        }
        catch (TotaraRateLimitException)
        {
            // A 429 comes from a root-field check: the site has moved its window if one was due.
            booking.Settle(siteAnswered: true);
            throw;
        }
        catch
        {
            // No answer (failed or lost): the site may still have charged; keep the estimate.
            booking.Settle();
            throw;
        }
        booking.Settle(charge.ChargedFor(answer), SiteAnswer.RanRootField(answer));
        return answer;
    }
}
