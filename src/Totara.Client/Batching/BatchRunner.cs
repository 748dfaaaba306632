using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Totara.Client.Pacing;
using Totara.Client.Transport;

namespace Totara.Client.Batching;

/// <summary>
/// Reads operations lazily, packs consecutive ones into batches whose estimated cost stays
/// under the per-request limit (queries and mutations never share a request), runs each batch
/// and yields its results in input order before reading further input.
/// </summary>
internal sealed class BatchRunner
{
    private readonly RequestExecutor _executor;
    private readonly ComplexityEstimator _estimator;
    private readonly int _costLimit;
    private readonly int _maxLostAnswerResends;

    public BatchRunner(RequestExecutor executor, ComplexityEstimator estimator, int costLimit, int maxLostAnswerResends)
    {
        _executor = executor;
        _estimator = estimator;
        _costLimit = costLimit;
        _maxLostAnswerResends = maxLostAnswerResends;
    }

    public async IAsyncEnumerable<BatchItemResult> RunAsync(IEnumerable<BatchOperation> operations, [EnumeratorCancellation] CancellationToken ct)
    {
        var batch = new List<PendingOperation>();
        var batchCost = 0;
        var index = 0;
        foreach (var operation in operations)
        {
            if (operation is null) throw new ArgumentException($"Operation #{index} is null.", nameof(operations));
            var pending = new PendingOperation(index++, operation, CostOf(operation));

            var full = batch.Count > 0 && (batchCost + pending.Cost > _costLimit || batch[0].Operation.IsMutation != operation.IsMutation);
            if (full)
            {
                foreach (var result in await RunBatchAsync(batch, ct).ConfigureAwait(false))
                    yield return result;
                batch = new List<PendingOperation>();
                batchCost = 0;
            }
            batch.Add(pending);
            batchCost += pending.Cost;
        }

        if (batch.Count > 0)
        {
            foreach (var result in await RunBatchAsync(batch, ct).ConfigureAwait(false))
                yield return result;
        }
    }

    private async Task<IReadOnlyList<BatchItemResult>> RunBatchAsync(List<PendingOperation> batch, CancellationToken ct)
    {
        var results = new BatchResults(batch);
        await new BatchExecutor(_executor, results, _maxLostAnswerResends, RunQueriesAsync).RunAsync(batch, ct).ConfigureAwait(false);
        return results.InInputOrder();
    }

    /// <summary>Runs read-back queries as batches of their own (a query batch never needs read-backs itself).</summary>
    private async Task<IReadOnlyList<BatchItemResult>> RunQueriesAsync(IReadOnlyList<BatchOperation> queries, CancellationToken ct)
    {
        var results = new List<BatchItemResult>(queries.Count);
        await foreach (var result in RunAsync(queries, ct).ConfigureAwait(false))
            results.Add(result);
        return results;
    }

    private int CostOf(BatchOperation operation)
    {
        try
        {
            var values = new List<object?>();
            foreach (var argument in operation.Arguments) values.Add(argument.Value);
            return _estimator.EstimateRootField(operation.IsMutation, operation.Selection, values);
        }
        catch (FormatException ex)
        {
            throw new ArgumentException($"The selection of {operation} cannot be read: {ex.Message}", nameof(operation), ex);
        }
    }
}
