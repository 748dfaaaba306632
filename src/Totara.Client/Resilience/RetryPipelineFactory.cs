using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Polly;
using Polly.Retry;

namespace Totara.Client.Resilience;

/// <summary>
/// Builds the Polly retry pipeline every request runs in: retries what <see cref="RetryRules"/>
/// allows, bounded by MaxRetryAttempts and MaxRetryDuration, cancellable, and reports each retry.
/// What the current call is (mutation or not, its name, when it started) rides in the context.
/// </summary>
internal static class RetryPipelineFactory
{
    public static readonly ResiliencePropertyKey<bool> IsMutation = new("totara.is-mutation");
    public static readonly ResiliencePropertyKey<bool> ResendableAfterRateLimit = new("totara.resendable-after-429");
    public static readonly ResiliencePropertyKey<string?> OperationName = new("totara.operation-name");
    public static readonly ResiliencePropertyKey<Stopwatch> Elapsed = new("totara.elapsed");

    public static ResiliencePipeline Create(TotaraClientOptions options, RetryRules rules, Action<TotaraRetryEventArgs> onRetry)
    {
        if (options.MaxRetryAttempts <= 0)
            return ResiliencePipeline.Empty;

        var maxDuration = options.MaxRetryDuration;
        return new ResiliencePipelineBuilder { TimeProvider = options.Clock }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                ShouldHandle = args =>
                {
                    var context = args.Context;
                    var retryable = RetryRules.IsRetryable(
                        args.Outcome.Exception,
                        context.Properties.GetValue(IsMutation, true),
                        context.Properties.GetValue(ResendableAfterRateLimit, false));
                    var withinTime = !context.Properties.TryGetValue(Elapsed, out var watch) || watch.Elapsed < maxDuration;
                    return new ValueTask<bool>(retryable && withinTime);
                },
                DelayGenerator = args =>
                {
                    var delay = rules.DelayFor(args.Outcome.Exception, args.AttemptNumber);
                    if (args.Context.Properties.TryGetValue(Elapsed, out var watch))
                    {
                        var left = maxDuration - watch.Elapsed;
                        if (delay > left) delay = left > TimeSpan.Zero ? left : TimeSpan.Zero;
                    }
                    return new ValueTask<TimeSpan?>(delay);
                },
                OnRetry = args =>
                {
                    onRetry(new TotaraRetryEventArgs(
                        args.AttemptNumber + 1,
                        args.RetryDelay,
                        RetryRules.Describe(args.Outcome.Exception),
                        args.Context.Properties.GetValue(OperationName, null)));
                    return default;
                },
            })
            .Build();
    }
}
