using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Polly;
using Totara.Client.Resilience;

namespace Totara.Client.Transport;

/// <summary>
/// Runs one logical request: inside the retry pipeline, each attempt first waits for room in
/// the complexity ledgers of the API client it goes through (and of the site, with several
/// clients), then goes through that client's connection; the booking is settled when the
/// answer arrives, with what the answer shows was spent.
/// </summary>
internal sealed class RequestExecutor
{
    private readonly ClientLanes _lanes;
    private readonly ResiliencePipeline _pipeline;

    public RequestExecutor(ClientLanes lanes, ResiliencePipeline pipeline)
    {
        _lanes = lanes;
        _pipeline = pipeline;
    }

    public ClientLanes Lanes => _lanes;

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
        var booking = await _lanes.ReserveAsync(charge.Estimate, ct).ConfigureAwait(false);
        RawAnswer answer;
        try
        {
            answer = await booking.Lane.Connection.SendAsync(request, charge.IsMutation, ct).ConfigureAwait(false);
        }
        catch (TotaraRateLimitException)
        {
            // A 429 comes from a root-field check: the site has moved its window if one was due.
            booking.SettleRateLimited();
            throw;
        }
        catch (TotaraAuthenticationException ex) when (_lanes.All.Count > 1)
        {
            // Refused before anything ran; with several clients, say which one (never its secret).
            booking.Settle(actualPoints: 0);
            throw new TotaraAuthenticationException($"{booking.Lane}: {ex.Message}", ex.Category, ex.DebugMessage, ex.StatusCode, ex);
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
